using System.Buffers.Text;
using System.Security.Cryptography;
using Chat.Domain.Realtime;

namespace Chat.Domain.Sessions;

/// <summary>
/// Server-side sessions: each sign-in starts one, its id goes into the auth cookie, and revoking it refuses that
/// cookie at once on every instance (docs/decisions/0005-server-side-sessions.md). Checks are answered from the
/// <see cref="SessionCache"/>; only a session this instance has not seen lately costs a query.
/// </summary>
public sealed class SessionService(
    IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, SessionCache cache, TimeProvider clock)
{
    /// <summary>Records a new session of the user and returns its id, for the cookie.</summary>
    public async Task<string> StartAsync(string userId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var version = cache.Version;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.UserSessions.Add(new UserSession { Id = id, UserId = userId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        // The request that signs in is usually followed at once by one that shows the session.
        cache.Store(id, userId, version);
        return id;
    }

    /// <summary>
    /// Whether the session exists, belongs to the user and is not revoked. Answered from memory when this
    /// instance has checked it before; a revocation anywhere reaches that memory through the hub.
    /// </summary>
    public async ValueTask<bool> IsActiveAsync(string? sessionId, string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId) || string.IsNullOrEmpty(userId))
        {
            return false;
        }

        if (!cache.TryGet(sessionId, out var activeUserId))
        {
            var version = cache.Version;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var session = await db.UserSessions.AsNoTracking()
                .Where(s => s.Id == sessionId)
                .Select(s => new { s.UserId, s.RevokedAt })
                .SingleOrDefaultAsync(ct);
            activeUserId = session is { RevokedAt: null } ? session.UserId : null;
            cache.Store(sessionId, activeUserId, version);
        }

        return activeUserId == userId;
    }

    /// <summary>
    /// Ends every session of the user: the cookies of all their browsers are refused from now on, on every instance,
    /// and their open tabs lose their user. A sign-in that follows starts a new one.
    /// </summary>
    public async Task RevokeAllAsync(string userId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sessions = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(ct);
        if (sessions.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var session in sessions)
        {
            session.RevokedAt = now;
        }

        await db.SaveChangesAsync(ct);
        await hub.PublishAsync(new SessionsRevoked(userId, [.. sessions.Select(s => s.Id)]));
    }
}
