using System.Linq.Expressions;
using Chat.Domain.Communities;
using Chat.Domain.Realtime;

namespace Chat.Domain.Notifications;

/// <summary>The inbox: stored notifications, read state, and per-server mute.</summary>
public sealed class NotificationService(IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, TimeProvider clock)
{
    public const int PageSize = 30;
    private const int ExcerptLength = 120;

    /// <summary>The user's newest notifications first; older pages by id.</summary>
    public async Task<IReadOnlyList<NotificationView>> ListAsync(
        string? userId, long? beforeId = null, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (beforeId is { } before)
        {
            query = query.Where(n => n.Id < before);
        }

        return await query.OrderByDescending(n => n.Id).Take(PageSize).Select(ToView(db)).ToListAsync(ct);
    }

    public async Task<int> CountUnreadAsync(string? userId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    /// <summary>Marks one of the user's own notifications read; someone else's is "not found".</summary>
    public async Task MarkReadAsync(string? userId, long notificationId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var exists = await db.Notifications.AnyAsync(n => n.Id == notificationId && n.UserId == userId, ct);
        if (!exists)
        {
            throw DomainErrors.NotificationNotFound();
        }

        var changed = await db.Notifications.Where(n => n.Id == notificationId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
        // Already read: the user's tabs show it so, and have nothing to fetch again.
        if (changed > 0)
        {
            await hub.PublishAsync(new NotificationsChanged(userId));
        }
    }

    public async Task MarkAllReadAsync(string? userId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
        await hub.PublishAsync(new NotificationsChanged(userId));
    }

    /// <summary>A muted server notifies the user only of direct mentions.</summary>
    public async Task SetMutedAsync(string? userId, int communityId, bool muted, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        await db.Memberships.Where(m => m.CommunityId == communityId && m.UserId == userId)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Muted, muted), ct);
        await hub.PublishAsync(new MembershipsChanged(userId!));
    }

    public async Task<bool> IsMutedAsync(string? userId, int communityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        return await db.Memberships.Where(m => m.CommunityId == communityId && m.UserId == userId)
            .Select(m => m.Muted).SingleAsync(ct);
    }

    /// <summary>Adds a notification to the caller's unit of work; publish it with <see cref="PublishAsync"/> after commit.</summary>
    internal Notification Add(ChatDbContext db, string userId, NotificationKind kind, string? actorId,
        int? communityId = null, int? channelId = null, Messages.Message? message = null, long? invitationId = null)
    {
        var notification = new Notification
        {
            UserId = userId,
            Kind = kind,
            ActorId = actorId,
            CommunityId = communityId,
            ChannelId = channelId,
            Message = message,
            InvitationId = invitationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Notifications.Add(notification);
        return notification;
    }

    /// <summary>Delivers stored notifications live to their users' open tabs.</summary>
    internal async Task PublishAsync(IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        var owners = notifications.ToDictionary(n => n.Id, n => n.UserId);
        var ids = owners.Keys.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var views = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).Select(ToView(db)).ToListAsync(ct);
        foreach (var view in views)
        {
            await hub.PublishAsync(new NotificationCreated(owners[view.Id], view));
        }
    }

    private static Expression<Func<Notification, NotificationView>> ToView(ChatDbContext db) => n => new NotificationView(
        n.Id,
        n.Kind,
        db.Users.Where(u => u.Id == n.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
        n.CommunityId,
        db.Communities.Where(c => c.Id == n.CommunityId).Select(c => c.Name).FirstOrDefault(),
        n.ChannelId,
        db.Channels.Where(c => c.Id == n.ChannelId).Select(c => c.Name).FirstOrDefault(),
        n.MessageId,
        db.Messages.Where(m => m.Id == n.MessageId).Select(m => m.Content.Substring(0, ExcerptLength)).FirstOrDefault(),
        n.InvitationId,
        db.Invitations.Where(i => i.Id == n.InvitationId).Select(i => (Invitations.InvitationStatus?)i.Status).FirstOrDefault(),
        n.CreatedAt,
        n.ReadAt != null,
        db.Users.Where(u => u.Id == n.ActorId).Select(u => u.UserName).FirstOrDefault());
}
