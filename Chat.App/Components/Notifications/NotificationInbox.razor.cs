using System.Globalization;
using Chat.App.Components.Messaging;
using Chat.App.Localization;
using Chat.Domain.Invitations;
using Chat.Domain.Notifications;
using Chat.Domain.Realtime;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace Chat.App.Components.Notifications;

/// <summary>
/// The inbox: owns the user's notifications and pending invitations while it is open, and keeps them live.
/// Invitations are answered here; a mention opens its message.
/// </summary>
public sealed partial class NotificationInbox : IAsyncDisposable
{
    private readonly Dictionary<long, InvitationView> invitations = [];
    private List<NotificationView>? items;
    private IDisposable? subscription;
    private IJSObjectReference? module;
    private DotNetObjectReference<NotificationInbox>? self;
    private ElementReference permissionButton;
    private bool permissionButtonAttached;
    private bool disposed;
    private string? userId;
    private readonly UserAction answer = new();
    private bool hasOlder;

    [Inject]
    private NotificationService Notifications { get; set; } = default!;

    [Inject]
    private InvitationService Invitations { get; set; } = default!;

    [Inject]
    private ChatHub Hub { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ReaderTimeZone TimeZone { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>
    /// The browser's answer about desktop notifications ("default": not asked yet), known to the bell before the inbox
    /// opens, so the button that asks is there from the first render and nothing below it moves under the pointer.
    /// </summary>
    [Parameter]
    public string? Permission { get; set; }

    /// <summary>The user answered the browser's question (the inbox's button asks it).</summary>
    [Parameter]
    public EventCallback<string> PermissionChanged { get; set; }

    private bool HasUnread => items?.Any(n => !n.IsRead) == true;

    protected override async Task OnInitializedAsync()
    {
        userId = (await AuthenticationState).UserId();
        if (userId is null)
        {
            items = [];
            return;
        }

        // Subscribe before loading, so a notification created in between is merged by id, not lost.
        subscription = Hub.Subscribe(Topics.User(userId), e => InvokeAsync(() => ApplyAsync(e)));
        await ReloadAsync();
    }

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive || Permission != "default" || permissionButtonAttached)
        {
            return Task.CompletedTask;
        }

        permissionButtonAttached = true;
        return ScriptModules.RunUnlessDisposedAsync(AttachPermissionButtonAsync, () => disposed, ReleaseScriptsAsync);
    }

    // The browser grants its question only inside the user's click, so the script handles the click (chat.js).
    private async Task AttachPermissionButtonAsync()
    {
        try
        {
            module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/chat.js");
            self ??= DotNetObjectReference.Create(this);
            await module.InvokeVoidAsync("attachPermissionButton", permissionButton, self);
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone.
        }
    }

    [JSInvokable]
    public Task OnPermissionChanged(string state) => PermissionChanged.InvokeAsync(state);

    private async Task ReloadAsync()
    {
        var latest = await Notifications.ListAsync(userId);
        var pending = await Invitations.GetPendingAsync(userId);
        invitations.Clear();
        foreach (var invitation in pending)
        {
            invitations[invitation.Id] = invitation;
        }

        // Keep older pages the user already loaded, refreshed where the newest page overlaps them.
        List<NotificationView> older = latest.Count == NotificationService.PageSize && items is not null
            ? [.. items.Where(n => n.Id < latest[^1].Id)]
            : [];
        hasOlder = older.Count > 0 ? hasOlder : latest.Count == NotificationService.PageSize;
        items = [.. latest, .. older];
    }

    private async Task ApplyAsync(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case NotificationCreated created when items is not null:
                var n = created.Notification;
                if (n is { Kind: NotificationKind.InvitationReceived, InvitationId: { } invitationId }
                    && !invitations.ContainsKey(invitationId))
                {
                    try
                    {
                        invitations[invitationId] = await Invitations.GetAsync(userId, invitationId);
                    }
                    catch (NotFoundException)
                    {
                        // Gone with its server.
                    }
                }

                if (items.All(existing => existing.Id != n.Id))
                {
                    items.Insert(0, n);
                    items.Sort((a, b) => b.Id.CompareTo(a.Id));
                }

                break;
            case NotificationsChanged:
                await ReloadAsync();
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    private async Task LoadOlderAsync()
    {
        if (items is not { Count: > 0 })
        {
            return;
        }

        var older = await Notifications.ListAsync(userId, items[^1].Id);
        items.AddRange(older.Where(o => items.All(n => n.Id != o.Id)));
        hasOlder = older.Count == NotificationService.PageSize;
    }

    private Task MarkReadAsync(NotificationView n) => RunAsync(() => Notifications.MarkReadAsync(userId, n.Id));

    private Task MarkAllReadAsync() => RunAsync(() => Notifications.MarkAllReadAsync(userId));

    private async Task OpenAsync(NotificationView n, string link)
    {
        await RunAsync(() => n.IsRead ? Task.CompletedTask : Notifications.MarkReadAsync(userId, n.Id));
        await OnClose.InvokeAsync();
        Navigation.NavigateTo(link);
    }

    private Task AcceptAsync(NotificationView n, InvitationView invitation) => RunAsync(async () =>
    {
        await Invitations.AcceptAsync(userId, invitation.Id);
        await MarkReadIfUnreadAsync(n);
    });

    private Task DeclineAsync(NotificationView n, InvitationView invitation) => RunAsync(async () =>
    {
        await Invitations.DeclineAsync(userId, invitation.Id);
        await MarkReadIfUnreadAsync(n);
    });

    private Task MarkReadIfUnreadAsync(NotificationView n) =>
        n.IsRead ? Task.CompletedTask : Notifications.MarkReadAsync(userId, n.Id);

    // The services publish NotificationsChanged, which reloads the list in every tab, this one included.
    private async Task RunAsync(Func<Task> action)
    {
        if (!await answer.RunAsync(action))
        {
            await ReloadAsync();
        }
    }

    private Task OnKeyDown(KeyboardEventArgs e) => e.Key == "Escape" ? OnClose.InvokeAsync() : Task.CompletedTask;

    private string When(DateTime utc)
    {
        return ChatTime.InList(TimeZone.ToLocal(utc), TimeZone.ToLocal(DateTime.UtcNow).Date);
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        subscription?.Dispose();
        await ReleaseScriptsAsync();
    }

    private async Task ReleaseScriptsAsync()
    {
        self?.Dispose();
        await module.DisposeQuietlyAsync();
    }
}
