using System.Collections.Concurrent;
using Chat.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Realtime;

/// <summary>
/// Who is online: a user with at least one connected tab. Counts live in memory (they describe this process's
/// connections); a change between offline and online is told to every community the user belongs to.
/// </summary>
public sealed class PresenceTracker(ChatHub hub, IDbContextFactory<ChatDbContext> dbFactory)
{
    private readonly ConcurrentDictionary<string, int> connections = new(StringComparer.Ordinal);

    public bool IsOnline(string userId) => connections.ContainsKey(userId);

    public IReadOnlySet<string> OnlineAmong(IEnumerable<string> userIds) => userIds.Where(IsOnline).ToHashSet();

    public async Task ConnectedAsync(string userId, CancellationToken ct = default)
    {
        if (connections.AddOrUpdate(userId, 1, (_, count) => count + 1) == 1)
        {
            await PublishAsync(userId, online: true, ct);
        }
    }

    public async Task DisconnectedAsync(string userId, CancellationToken ct = default)
    {
        var remaining = connections.AddOrUpdate(userId, 0, (_, count) => count - 1);
        if (remaining <= 0 && connections.TryRemove(new KeyValuePair<string, int>(userId, remaining)))
        {
            await PublishAsync(userId, online: false, ct);
        }
    }

    private async Task PublishAsync(string userId, bool online, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communities = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.CommunityId).ToListAsync(ct);
        foreach (var communityId in communities)
        {
            await hub.PublishAsync(new PresenceChanged(communityId, userId, online));
        }
    }
}
