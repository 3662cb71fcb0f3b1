using Chat.Domain.Realtime;

namespace Chat.App.Components.Pages;

/// <summary>
/// An open server: owns its channels, members and unread state, keeps them live from the hub, and hands the
/// open channel to the message pane.
/// </summary>
public sealed partial class ChannelPage
{
    private CommunityDetail? community;
    private List<ChannelView> channels = [];
    private Dictionary<int, ChannelUnread> unread = [];
    private ChannelView? channel;
    private long? lastReadAtOpen;
    private int? errorCode;
    private string? userId;
    private string? userName;
    private IDisposable? communitySubscription;
    private IDisposable? userSubscription;
    private int? subscribedCommunityId;

    [Inject]
    private CommunityService Communities { get; set; } = default!;

    [Inject]
    private ChannelService ChannelService { get; set; } = default!;

    [Inject]
    private ReadStateService ReadState { get; set; } = default!;

    [Inject]
    private ChatHub Hub { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private HttpStatus Status { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter]
    public int ServerId { get; set; }

    [Parameter]
    public int? ChannelId { get; set; }

    /// <summary>A message to scroll to and highlight, e.g. from a mention (?message=123).</summary>
    [SupplyParameterFromQuery(Name = "message")]
    public long? Highlight { get; set; }

    private string Title => channel is not null && community is not null
        ? $"#{channel.Name} · {community.Name} · Chat"
        : community?.Name is { } name ? $"{name} · Chat" : "Chat";

    protected override async Task OnParametersSetAsync()
    {
        var state = await AuthenticationState;
        userId = state.UserId();
        userName = state.User.Identity?.Name;
        errorCode = null;
        try
        {
            if (subscribedCommunityId != ServerId)
            {
                await OpenCommunityAsync();
            }

            // A direct conversation's messages link here like a channel's (MessageLink); it has its own page.
            if (community?.IsDirect == true)
            {
                Navigation.NavigateTo(Direct.ConversationLink.To(ServerId, Highlight), replace: true);
                return;
            }

            channel = ChannelId is { } id ? channels.FirstOrDefault(c => c.Id == id) : null;
            if (ChannelId is null)
            {
                if (channels.Count > 0)
                {
                    Navigation.NavigateTo($"servers/{ServerId}/channels/{channels[0].Id}", replace: true);
                }

                return;
            }

            if (channel is null)
            {
                throw DomainErrors.ChannelNotFound();
            }

            // Where the divider goes is decided once, when the channel opens; reading it moves the marker.
            unread = (await ReadState.GetUnreadAsync(userId, ServerId)).ToDictionary(u => u.ChannelId);
            lastReadAtOpen = unread.GetValueOrDefault(channel.Id)?.LastReadMessageId;
            unread[channel.Id] = new ChannelUnread(channel.Id, false, 0, lastReadAtOpen ?? 0);
        }
        catch (NotFoundException)
        {
            ShowError(StatusCodes.Status404NotFound);
        }
        catch (ForbiddenException)
        {
            ShowError(StatusCodes.Status403Forbidden);
        }
    }

    private async Task OpenCommunityAsync()
    {
        communitySubscription?.Dispose();
        userSubscription?.Dispose();
        subscribedCommunityId = ServerId;

        // Subscribe before loading, so a change made in between is applied, not lost. Events that only concern the
        // message pane or the member list (which subscribe themselves) are dropped before reaching this circuit.
        communitySubscription = Hub.Subscribe(Topics.Community(ServerId), userId,
            e => Concerns(e) ? InvokeAsync(() => ApplyAsync(e)) : Task.CompletedTask);
        if (userId is not null)
        {
            userSubscription = Hub.Subscribe(Topics.User(userId), e => InvokeAsync(() => ApplyAsync(e)));
        }

        community = await Communities.GetAsync(ServerId, userId);
        channels = [.. await ChannelService.ListAsync(ServerId, userId)];
    }

    // Decided on the publisher's thread; reads only the user, which is set before subscribing and never changes.
    private bool Concerns(ChatEvent chatEvent) => chatEvent switch
    {
        MessagePosted posted => posted.Message.AuthorId != userId,
        MemberLeft left => left.UserId == userId,
        MemberRoleChanged changed => changed.UserId == userId,
        ChannelCreated or ChannelUpdated or ChannelsReordered or ChannelDeleted or CommunityUpdated or CommunityDeleted => true,
        _ => false,
    };

    // Nothing of a server the user may not see stays on screen, and the first response carries the status code.
    private void ShowError(int statusCode)
    {
        errorCode = statusCode;
        community = null;
        channels = [];
        channel = null;
        communitySubscription?.Dispose();
        userSubscription?.Dispose();
        subscribedCommunityId = null;
        Status.Set(RendererInfo, statusCode);
    }

    private async Task ApplyAsync(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case ChannelCreated created:
                channels.Add(created.Channel);
                break;
            case ChannelUpdated updated:
                channels = [.. channels.Select(c => c.Id == updated.Channel.Id ? updated.Channel : c)];
                if (channel?.Id == updated.Channel.Id)
                {
                    channel = updated.Channel;
                }

                break;
            case ChannelsReordered reordered:
                channels = [.. channels.OrderBy(c => IndexOrEnd(reordered.ChannelIds, c.Id))];
                break;
            case ChannelDeleted deleted:
                channels.RemoveAll(c => c.Id == deleted.ChannelId);
                if (channel?.Id == deleted.ChannelId)
                {
                    Navigation.NavigateTo($"servers/{ServerId}");
                    return;
                }

                break;
            case MessagePosted posted when posted.Message.ChannelId != channel?.Id && posted.Message.AuthorId != userId:
                var before = unread.GetValueOrDefault(posted.Message.ChannelId);
                unread[posted.Message.ChannelId] = new ChannelUnread(
                    posted.Message.ChannelId,
                    true,
                    (before?.MentionCount ?? 0) + (MentionParser.Mentions(posted.Message.Content, userName) ? 1 : 0),
                    before?.LastReadMessageId ?? 0);
                break;
            case MemberLeft left when left.UserId == userId:
                // Removed from this server: stop listening at once, before any later event of it is delivered.
                Dispose();
                Navigation.NavigateTo("");
                return;
            case MemberRoleChanged changed when changed.UserId == userId && community is not null:
                community = community with { MyRole = changed.Role };
                break;
            case CommunityUpdated updated when community is not null:
                community = community with { Name = updated.Name, Description = updated.Description, IsPublic = updated.IsPublic };
                break;
            case CommunityDeleted:
                Dispose();
                Navigation.NavigateTo("");
                return;
            case MembershipsChanged:
                // Removed from this server (kicked, or left in another tab): nothing here is ours to show any more.
                if (!(await Communities.GetMineAsync(userId!)).Any(c => c.Id == ServerId))
                {
                    Navigation.NavigateTo("");
                    return;
                }

                return;
            case ReadStateChanged read when read.ChannelId != channel?.Id:
                unread = (await ReadState.GetUnreadAsync(userId, ServerId)).ToDictionary(u => u.ChannelId);
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    private static int IndexOrEnd(IReadOnlyList<int> order, int id)
    {
        var index = order.ToList().IndexOf(id);
        return index < 0 ? int.MaxValue : index;
    }

    public void Dispose()
    {
        communitySubscription?.Dispose();
        userSubscription?.Dispose();
    }
}
