using Chat.App.Localization;
using Chat.Domain.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The open channel's messages: loads the newest page, merges live events by id, loads older pages as the reader
/// scrolls up, and shows where the unread messages start.
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
    private bool atBottom = true;
    private IDisposable? subscription;
    private int? subscribedChannelId;
    private string? userId;
    private bool loaded;
    private bool hasOlder;
    private bool loadingOlder;
    private long? dividerAfterId;
    private bool showJumpBar;
    private long? editingId;
    private string? editError;

    // A refused action on a message that has no form of its own (mark unread), shown above the composer.
    private string? actionError;
    private ElementReference log;
    private IJSObjectReference? module;
    private DotNetObjectReference<MessagePane>? self;
    private bool logAttached;
    private long? scrolledToHighlight;
    private Composer? composer;
    // Made at the first typing event: an idle tab does not pay for its timer.
    private TypingTracker? typing;
    private ReadMarkerSchedule? readMarker;
    // Made at the first message to announce: an idle tab does not pay for it.
    private MessageAnnouncer? announcer;
    private long markedReadId;
    private string? userName;

    [Inject]
    private MessageService Messages { get; set; } = default!;

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

    private IReadOnlyList<string> TypingNames => typing?.Names ?? [];

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

    private static bool Concerns(ChatEvent chatEvent, int channelId) => chatEvent switch
    {
        MessagePosted posted => posted.Message.ChannelId == channelId,
        MessageEdited edited => edited.Message.ChannelId == channelId,
        MessageDeleted deleted => deleted.ChannelId == channelId,
        ReactionsChanged reacted => reacted.ChannelId == channelId,
        PinsChanged pinned => pinned.ChannelId == channelId,
        UserTyping typed => typed.ChannelId == channelId,
        MemberLeft or CommunityDeleted or UserProfileChanged => true,
        _ => false,
    };

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/chat.js");
        if (await TimeZone.InitializeAsync(module))
        {
            StateHasChanged();
        }

        if (Channel is not null && loaded && !logAttached)
        {
            logAttached = true;
            self ??= DotNetObjectReference.Create(this);
            await module.InvokeVoidAsync("attachLog", log, self);
            scrolledToHighlight = null;
            await ScrollToHighlightAsync(module);
        }
        else if (logAttached)
        {
            // Keeping the newest message in view after a render is the script's own work (chat.js, attachLog).
            // A mention opened from the inbox while its channel is already open changes only the highlight.
            await ScrollToHighlightAsync(module);
        }
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

    private async Task ScrollToHighlightAsync(IJSObjectReference chatModule)
    {
        if (HighlightMessageId is { } highlight && highlight != scrolledToHighlight)
        {
            scrolledToHighlight = highlight;
            await chatModule.InvokeVoidAsync("scrollToElement", $"message-{highlight}");
        }
    }

    [JSInvokable]
    public async Task LoadOlderAsync()
    {
        if (Channel is not { } channel || !hasOlder || loadingOlder || window.Messages.Count == 0)
        {
            return;
        }

        loadingOlder = true;
        StateHasChanged();
        try
        {
            var older = await Messages.GetOlderAsync(channel.CommunityId, channel.Id, userId, window.Messages[0].Id);
            hasOlder = older.Count == MessageService.PageSize;
            window.Merge(older);
        }
        finally
        {
            loadingOlder = false;
            StateHasChanged();
        }
    }

    [JSInvokable]
    public void OnDividerVisibilityChanged(bool visible)
    {
        var show = dividerAfterId is not null && !visible;
        if (show != showJumpBar)
        {
            showJumpBar = show;
            StateHasChanged();
        }
    }

    private async Task ApplyAsync(ChatEvent chatEvent)
    {
        if (Channel is not { } channel)
        {
            return;
        }

        switch (chatEvent)
        {
            case MessagePosted posted when posted.Message.ChannelId == channel.Id:
                Announce(posted.Message);
                window.Merge([posted.Message]);
                TrimOldest();
                typing?.Remove(posted.Message.AuthorId);
                ReadMarker.Schedule(now: MessageService.Mentions(posted.Message.Content, userName));
                break;
            case MessageEdited edited when edited.Message.ChannelId == channel.Id:
                window.Merge([KeepReactions(edited.Message)]);
                RequoteReplies(edited.Message);
                break;
            case ReactionsChanged reacted when reacted.ChannelId == channel.Id:
                ApplyReactions(reacted);
                break;
            case PinsChanged pinned when pinned.ChannelId == channel.Id:
                ApplyPins(pinned);
                break;
            case MessageDeleted deleted when deleted.ChannelId == channel.Id:
                window.Messages.RemoveAll(m => m.Id == deleted.MessageId);
                ForgetOriginal(deleted.MessageId);
                if (editingId == deleted.MessageId)
                {
                    editingId = null;
                }

                if (pickerMessageId == deleted.MessageId)
                {
                    pickerMessageId = null;
                }

                break;
            case MemberLeft left when left.UserId == userId:
            case CommunityDeleted:
                // No longer a member: nothing more of this server may reach this tab.
                subscription?.Dispose();
                window.Messages.Clear();
                break;
            case UserProfileChanged profile when window.Messages.Exists(m => m.AuthorId == profile.UserId):
                // New records, so each of the author's messages sees a changed parameter and redraws its header.
                for (var i = 0; i < window.Messages.Count; i++)
                {
                    if (window.Messages[i].AuthorId == profile.UserId)
                    {
                        window.Messages[i] = window.Messages[i] with
                        {
                            AuthorDisplayName = profile.DisplayName,
                            AuthorAvatarVersion = profile.AvatarVersion,
                        };
                    }
                }

                break;
            case UserTyping typed when typed.ChannelId == channel.Id && typed.UserId != userId:
                typing ??= new TypingTracker(Clock, () => InvokeAsync(() =>
                {
                    if (typing?.Expire() == true)
                    {
                        StateHasChanged();
                    }
                }));
                typing.Add(typed.UserId, typed.DisplayName);
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    // Someone else's new message, once the history is in: the reader's own (from any tab) and messages already in the
    // list (loaded with the history, or a repeated event) stay silent.
    private void Announce(MessageView message)
    {
        if (!loaded || message.AuthorId == userId || window.Messages.Exists(m => m.Id == message.Id))
        {
            return;
        }

        announcer ??= new MessageAnnouncer(Clock, () => InvokeAsync(() =>
        {
            announcer?.Flush();
            StateHasChanged();
        }));
        announcer.Add(message);
    }

    // True when some went; the older ones can be loaded again.
    private bool TrimOldest()
    {
        if (!window.TrimOldest(atBottom))
        {
            return false;
        }

        hasOlder = true;
        return true;
    }

    [JSInvokable]
    public void OnAtBottomChanged(bool bottom)
    {
        atBottom = bottom;
        if (TrimOldest())
        {
            StateHasChanged();
        }
    }

    private bool OwnUnreadOnly(long after) => window.Messages.Where(m => m.Id > after).All(m => m.AuthorId == userId);

    private ReadMarkerSchedule ReadMarker => readMarker ??= new ReadMarkerSchedule(Clock, () => InvokeAsync(WriteReadMarkerAsync));

    private async Task WriteReadMarkerAsync()
    {
        if (readMarker?.TakeDue() != true || subscribedChannelId is not { } channelId || window.Messages.Count == 0 || window.Messages[^1].Id <= markedReadId)
        {
            return;
        }

        markedReadId = window.Messages[^1].Id;
        try
        {
            await Messages.MarkReadAsync(userId, channelId, markedReadId);
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

    private void EditLast()
    {
        var last = window.Messages.LastOrDefault(m => m.AuthorId == userId);
        if (last is not null)
        {
            StartEdit(last);
        }
    }

    /// <summary>A click on a message's button (chat.js passes the message id and the button's data-action).</summary>
    [JSInvokable]
    public async Task OnMessageActionAsync(long messageId, string action)
    {
        if (window.Messages.Find(m => m.Id == messageId) is not { } message)
        {
            return;
        }

        // The services check that the reader may do this (edit and delete only their own messages).
        switch (action)
        {
            case "edit" when message.AuthorId == userId:
                StartEdit(message);
                break;
            case "delete" when message.AuthorId == userId:
                await AskDeleteAsync(message);
                break;
            case "unread":
                await MarkUnreadAsync(message);
                break;
            case "history":
                await ShowHistoryAsync(message);
                break;
            case ReplyActions.Reply:
                await StartReplyAsync(message);
                break;
            case ReplyActions.JumpToOriginal:
                JumpToOriginal(message);
                break;
            case ReactionActions.OpenPicker:
                pickerMessageId = message.Id;
                break;
            case ProfileCardActions.Open:
                await OpenProfileCardAsync(message);
                break;
            case var pin when PinActions.IsPinAction(pin):
                await OnPinActionAsync(message, pin);
                break;
            default:
                if (ReactionActions.EmojiOf(action) is not { } emoji)
                {
                    return;
                }

                await ToggleReactionAsync(message.Id, emoji);
                break;
        }

        StateHasChanged();
    }

    private void StartEdit(MessageView message)
    {
        editingId = message.Id;
        editError = null;
    }

    /// <summary>Wires the keys of a message's editor (Enter saves, Escape cancels) and puts the caret in it.</summary>
    internal async Task AttachEditorAsync(ElementReference editor, DotNetObjectReference<MessageItem> item)
    {
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/chat.js");
        await module.InvokeVoidAsync("attachComposer", editor, item);
        await module.InvokeVoidAsync("focus", editor);
    }

    /// <summary>The editor of a message closes without saving (Escape, or its Cancel button).</summary>
    internal async Task CancelEditAsync()
    {
        editingId = null;
        editError = null;
        StateHasChanged();
        if (composer is not null)
        {
            await composer.FocusAsync();
        }
    }

    /// <summary>The editor of a message saves (Enter, or its Save button); a refusal shows in the editor.</summary>
    internal async Task SaveEditAsync(MessageView message, string text)
    {
        try
        {
            var saved = await Messages.EditAsync(userId, message.Id, text, message.Version);
            window.Merge([KeepReactions(saved)]);
            await CancelEditAsync();
        }
        catch (DomainException e)
        {
            editError = e.Describe();
            StateHasChanged();
        }
    }

    /// <summary>A refusal (too fast, or no longer allowed) stays in the open dialog, which can be tried again.</summary>
    private async Task AskDeleteAsync(MessageView message) =>
        await Dialogs.ShowConfirmAsync(L["DeleteTitle"], Shared["Delete"], DeleteQuestion(message), async () =>
        {
            await Messages.DeleteAsync(userId, message.Id);
            window.Messages.RemoveAll(m => m.Id == message.Id);
            StateHasChanged();
        });

    private async Task MarkUnreadAsync(MessageView message)
    {
        actionError = null;
        readMarker?.Cancel();
        try
        {
            await Messages.MarkUnreadAsync(userId, message.ChannelId, message.Id);
        }
        catch (DomainException e)
        {
            actionError = e.Describe();
            return;
        }

        var index = window.Messages.FindIndex(m => m.Id == message.Id);
        dividerAfterId = index > 0 ? window.Messages[index - 1].Id : message.Id - 1;
    }

    private async Task ShowHistoryAsync(MessageView message) =>
        await Dialogs.ShowAsync<RevisionsDialog>(L["EarlierVersions"],
            new DialogParameters<RevisionsDialog> { { d => d.Revisions, await Messages.GetRevisionsAsync(userId, message.Id) } },
            ChatDialogs.Options);

    private async Task JumpToFirstUnreadAsync()
    {
        // Older pages load until the divider is in the list, then the view scrolls to it.
        while (hasOlder && dividerAfterId is { } after && window.Messages.Count > 0 && window.Messages[0].Id > after)
        {
            await LoadOlderAsync();
        }

        showJumpBar = false;
        StateHasChanged();
        if (module is not null)
        {
            await module.InvokeVoidAsync("scrollToElement", "unread-divider");
        }
    }

    public async ValueTask DisposeAsync()
    {
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

        self?.Dispose();
        if (module is not null)
        {
            try
            {
                await module.InvokeVoidAsync("detachLog", log);
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone; nothing to release on its side.
            }
        }
    }
}
