using Chat.Domain.Direct;
using Chat.Domain.Realtime;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Chat.App.Components.Direct;

/// <summary>
/// One direct conversation: its one channel in the channels' own message pane (so every message feature works
/// here unchanged), and blocking the other person of a conversation of two.
/// </summary>
public sealed partial class ConversationPage
{
    private readonly UserAction block = new();
    private ConversationDetail? conversation;
    private ChannelView? channel;
    private long? lastReadAtOpen;
    private int? errorCode;
    private string? userId;
    private IDisposable? userSubscription;

    [Inject]
    private DirectMessageService Direct { get; set; } = default!;

    [Inject]
    private PrivacyService Privacy { get; set; } = default!;

    [Inject]
    private ReadStateService ReadState { get; set; } = default!;

    [Inject]
    private ChatHub Hub { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private HttpStatus Status { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ConversationPage> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter]
    public int ConversationId { get; set; }

    /// <summary>A message to scroll to and highlight, e.g. from the inbox (?message=123).</summary>
    [SupplyParameterFromQuery(Name = "message")]
    public long? Highlight { get; set; }

    private string? Name => conversation is null ? null : ConversationLink.NameOf(conversation.Others);

    private string Title => Name is { } name ? $"{name} · Chat" : "Chat";

    protected override async Task OnParametersSetAsync()
    {
        var state = await AuthenticationState;
        userId = state.UserId();
        errorCode = null;
        if (conversation?.Id == ConversationId)
        {
            return;
        }

        userSubscription?.Dispose();
        try
        {
            // Left the group in another tab: nothing here is ours to show any more.
            if (userId is not null)
            {
                userSubscription = Hub.Subscribe(Topics.User(userId),
                    e => e is MembershipsChanged ? InvokeAsync(ReloadAsync) : Task.CompletedTask);
            }

            conversation = await Direct.GetAsync(userId, ConversationId);
            // Where the divider goes is decided once, when the conversation opens; reading it moves the marker.
            lastReadAtOpen = (await ReadState.GetUnreadAsync(userId, ConversationId))
                .FirstOrDefault(u => u.ChannelId == conversation.ChannelId)?.LastReadMessageId;
            channel = new ChannelView(conversation.ChannelId, conversation.Id, CommunityService.DefaultChannelName, null);
        }
        catch (NotFoundException)
        {
            ShowError(StatusCodes.Status404NotFound);
        }
        catch (ForbiddenException)
        {
            ShowError(StatusCodes.Status404NotFound);
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            conversation = await Direct.GetAsync(userId, ConversationId);
        }
        catch (DomainException)
        {
            Navigation.NavigateTo(ConversationLink.Home);
            return;
        }

        StateHasChanged();
    }

    // A conversation someone may not see looks the same as one that does not exist.
    private void ShowError(int statusCode)
    {
        errorCode = statusCode;
        conversation = null;
        channel = null;
        userSubscription?.Dispose();
        Status.Set(RendererInfo, statusCode);
    }

    private async Task ToggleBlockAsync(string otherId, bool blocked)
    {
        var name = conversation!.Others[0].DisplayName;
        if (await block.RunAsync(() => blocked ? Privacy.UnblockAsync(userId, otherId) : Privacy.BlockAsync(userId, otherId)))
        {
            Snackbar.Add(blocked ? L["Unblocked", name] : L["Blocked", name], Severity.Info);
            conversation = await Direct.GetAsync(userId, ConversationId);
        }
    }

    public void Dispose() => userSubscription?.Dispose();
}
