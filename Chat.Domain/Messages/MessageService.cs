using Chat.Domain.Communities;
using Chat.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Messages;

public sealed class MessageService(IDbContextFactory<ChatDbContext> dbFactory)
{
    public const int PageSize = 50;

    /// <summary>
    /// The newest messages of a channel, oldest first for display. Reads through the (channel, id) index from
    /// the newest end, so the cost does not grow with the channel's history.
    /// </summary>
    public async Task<IReadOnlyList<MessageView>> GetLatestAsync(
        int communityId, int channelId, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        var newestFirst = await db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Channel!.CommunityId == communityId)
            .OrderByDescending(m => m.Id)
            .Take(PageSize)
            .Select(m => new MessageView(
                m.Id, m.ChannelId, m.AuthorId, m.Author!.UserName!, m.Author.DisplayName, m.Content, m.CreatedAt, m.EditedAt))
            .ToListAsync(ct);
        newestFirst.Reverse();
        return newestFirst;
    }
}
