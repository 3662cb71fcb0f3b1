using Chat.App.Localization;
using Chat.Domain.Realtime;
using Microsoft.JSInterop;
using MudBlazor;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The open channel's messages: subscribes to the hub and loads the newest page when a channel opens, shows where
/// the unread messages start, and writes the read marker. Its other jobs are in their own files: the list itself
/// (<see cref="MessageWindow"/>), live events (MessagePane.Live.cs), the log's script (MessagePane.Scrolling.cs),
/// the messages' buttons (MessagePane.Actions.cs), and replies, reactions, pins, channel links and profile cards.
/// </summary>
public sealed partial class MessagePane
{
    /// <summary>
    /// A tab keeps at most this many messages (plus a block) while the reader is at the newest; see
    /// <see cref="MessageWindow.MaxMessages"/>.
    /// </summary>
    public const int MaxMessages = MessageWindow.MaxMessages;

    // The loaded messages and their blocks.
    private readonly MessageWindow window = new();
    private IDisposable? subscription;
    private int? subscribedChannelId;
    private string? userId;
    private bool loaded;
    private bool hasOlder;
    private bool loadingOlder;
    private long? dividerAfterId;
    private bool showJumpBar;
    private Composer? composer;
    private ReadMarkerSchedule? readMarker;
    private long markedReadId;
    private string? userName;

    [Inject]
    private MessageService Messages { get; set; } = default!;

    [Inject]
    private ReadStateService ReadState { get; set; } = default!;

    [Inject]
    private ChatHub Hub { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The reader's time zone, which the messages show their times in.</summary>
    [Inject]
    internal ReaderTimeZone TimeZone { get; private set; } = default!;

    /// <summary>What the messages say around their content, in the reader's language: one set per language.</summary>
    internal MessageItemTexts ItemTexts { get; } = MessageItemTexts.Current;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter]
    public ChannelView? Channel { get; set; }

    /// <summary>The reader's read marker when the channel was opened; the "new messages" divider goes after it.</summary>
    [Parameter]
    public long? LastReadMessageId { get; set; }

    [Parameter]
    public long? HighlightMessageId { get; set; }

    /// <summary>A direct conversation's name (its other participants), said instead of the channel's.</summary>
    [Parameter]
    public string? ConversationName { get; set; }

    /// <summary>Buttons of the page at the end of the channel header (the member list's, on narrow screens).</summary>
    [Parameter]
    public RenderFragment? HeaderActions { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (userId is null)
        {
            var state = await AuthenticationState;
            userId = state.UserId();
            userName = state.User.Identity?.Name;
        }

        if (Channel?.Id == subscribedChannelId)
        {
            await LoadThroughAsync(HighlightMessageId);
            return;
        }

        subscription?.Dispose();
        await WriteReadMarkerAsync();
        subscribedChannelId = Channel?.Id;
        markedReadId = 0;
        window.Clear();
        atBottom = true;
        typing?.Clear();
        announcer?.Reset();
        editingId = null;
        pickerMessageId = null;
        replyDraft = null;
        loaded = false;
        hasOlder = false;
        dividerAfterId = LastReadMessageId;
        showJumpBar = false;
        logAttached = false;
        if (Channel is not { } channel)
        {
            return;
        }

        // Subscribe before loading, so a message posted in between is merged by id, not lost. Events of other
        // channels are dropped on the publisher's thread, before anything is queued on this circuit.
        var channelId = channel.Id;
        subscription = Hub.Subscribe(Topics.Community(channel.CommunityId), userId,
            e => Concerns(e, channelId) ? InvokeAsync(() => ApplyAsync(e)) : Task.CompletedTask);
        var page = await Messages.GetLatestAsync(channel.CommunityId, channel.Id, userId);
        window.Merge(page);
        hasOlder = page.Count == MessageService.PageSize;
        await LoadThroughAsync(HighlightMessageId);
        loaded = true;
        if (dividerAfterId is { } after && (window.Messages.Count == 0 || window.Messages[^1].Id <= after || OwnUnreadOnly(after)))
        {
            dividerAfterId = null;
        }

        showJumpBar = dividerAfterId is not null && window.Messages.Count > 0 && window.Messages[0].Id > dividerAfterId && hasOlder;
        ReadMarker.MarkDue();
        await WriteReadMarkerAsync();
    }

    // A mention can point far back in the history: older pages load until it is in the list, within reason.
    private async Task LoadThroughAsync(long? messageId)
    {
        const int maxPages = 40;
        for (var pages = 0; Channel is { } channel && messageId is { } id && hasOlder && window.Messages.Count > 0
             && window.Messages[0].Id > id && pages < maxPages; pages++)
        {
            var older = await Messages.GetOlderAsync(channel.CommunityId, channel.Id, userId, window.Messages[0].Id);
            hasOlder = older.Count == MessageService.PageSize;
            window.Merge(older);
        }
    }

    private bool OwnUnreadOnly(long after) => window.Messages.Where(m => m.Id > after).All(m => m.AuthorId == userId);

    private ReadMarkerSchedule ReadMarker => readMarker ??= new ReadMarkerSchedule(Clock, () => InvokeAsync(WriteReadMarkerAsync));

    private async Task WriteReadMarkerAsync()
    {
        if (readMarker?.TakeDue() != true || subscribedChannelId is not { } channelId || window.Messages.Count == 0
            || window.Messages[^1].Id <= markedReadId)
        {
            return;
        }

        markedReadId = window.Messages[^1].Id;
        try
        {
            await ReadState.MarkReadAsync(userId, channelId, markedReadId);
        }
        catch (DomainException)
        {
            // No longer a member, or the channel is gone: there is nothing left to mark.
        }
    }

    private async Task OnSentAsync(MessageView sent)
    {
        window.Merge([sent]);
        replyDraft = null;
        dividerAfterId = null;
        showJumpBar = false;
        if (module is not null && logAttached)
        {
            await module.InvokeVoidAsync("scrollToBottom", log);
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        subscription?.Dispose();
        if (typing is not null)
        {
            await typing.DisposeAsync();
        }

        if (readMarker is not null)
        {
            await readMarker.DisposeAsync();
        }

        announcer?.Dispose();

        try
        {
            await WriteReadMarkerAsync();
        }
#pragma warning disable CA1031 // The tab is closing: a marker that cannot be written now is written the next time.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("detachLog", log);
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone; nothing to release on its side.
            }
        }

        await ReleaseScriptsAsync();
    }
}
