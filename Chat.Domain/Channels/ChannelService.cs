using Chat.Domain.Communities;
using Chat.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Channels;

public sealed class ChannelService(IDbContextFactory<ChatDbContext> dbFactory)
{
    /// <summary>The community's channels in their sidebar order; members only.</summary>
    public async Task<IReadOnlyList<ChannelView>> ListAsync(int communityId, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        return await db.Channels.AsNoTracking()
            .Where(c => c.CommunityId == communityId)
            .OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new ChannelView(c.Id, c.CommunityId, c.Name, c.Topic))
            .ToListAsync(ct);
    }
}
