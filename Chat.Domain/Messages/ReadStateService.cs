using Chat.Domain.Communities;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;

namespace Chat.Domain.Messages;

/// <summary>
/// Where each reader is in each channel: the read marker, what is unread, and the unread mentions. Apart from
/// <see cref="MessageService"/> because it changes only the reader's own marker, never a message.
/// </summary>
public sealed class ReadStateService(IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, WriteRateLimiter rateLimiter)
{
    /// <summary>Moves the user's read marker forward to <paramref name="messageId"/> (never back).</summary>
    public async Task MarkReadAsync(string? userId, int channelId, long messageId, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenForChannelAsync(dbFactory, userId, channelId, ct);
        var state = await FindAsync(scope, channelId, ct);
        if (state is not null && state.LastReadMessageId >= messageId)
        {
            return;
        }

        await SaveAsync(scope, state, channelId, messageId, movedBack: false, ct);
    }

    /// <summary>Marks <paramref name="messageId"/> and everything after it unread again.</summary>
    public async Task MarkUnreadAsync(string? userId, int channelId, long messageId, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenForChannelAsync(dbFactory, userId, channelId, ct);
        var previous = await scope.Db.Messages.Where(m => m.ChannelId == channelId && m.Id < messageId)
            .OrderByDescending(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync(ct);
        rateLimiter.Acquire(WriteAction.MarkUnread, scope.UserId);
        await SaveAsync(scope, await FindAsync(scope, channelId, ct), channelId, previous, movedBack: true, ct);
    }

    /// <summary>
    /// For each channel of the community: unread or not, and how many unread messages mention the user. One seek per
    /// channel into each index ((channel, id) for messages, (user, channel, message) for mentions), starting at the
    /// user's marker, so the cost follows the number of channels, not their history.
    /// </summary>
    public async Task<IReadOnlyList<ChannelUnread>> GetUnreadAsync(
        string? userId, int communityId, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenAsync(dbFactory, userId, communityId, ct);
        var (db, readerId) = (scope.Db, scope.UserId);
        return await (
                from c in db.Channels.AsNoTracking()
                where c.CommunityId == communityId
                join r in db.ChannelReadStates.Where(r => r.UserId == readerId) on c.Id equals r.ChannelId into markers
                from r in markers.DefaultIfEmpty()
                select new { c.Id, LastRead = r == null ? 0L : r.LastReadMessageId })
            .Select(c => new ChannelUnread(
                c.Id,
                db.Messages.Any(m => m.ChannelId == c.Id && m.Id > c.LastRead && m.AuthorId != readerId),
                db.Mentions.Count(m => m.UserId == readerId && m.ChannelId == c.Id && m.MessageId > c.LastRead),
                c.LastRead))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Unread mentions per community, for the badges on the server rail. Counted per channel of the user's
    /// communities from the user's marker on, so a long history of read mentions costs nothing; mentions stay
    /// when a member leaves or is removed, and only the communities they are in count.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> GetMentionCountsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var perChannel = await (
                from ms in db.Memberships.AsNoTracking()
                where ms.UserId == userId
                join c in db.Channels on ms.CommunityId equals c.CommunityId
                join r in db.ChannelReadStates.Where(r => r.UserId == userId) on c.Id equals r.ChannelId into markers
                from r in markers.DefaultIfEmpty()
                select new { c.Id, c.CommunityId, LastRead = r == null ? 0L : r.LastReadMessageId })
            .Select(c => new
            {
                c.CommunityId,
                Count = db.Mentions.Count(m => m.UserId == userId && m.ChannelId == c.Id && m.MessageId > c.LastRead),
            })
            .ToListAsync(ct);
        // Filtered here, not in SQL, where EF would count twice (in WHERE and in SELECT).
        return perChannel.Where(c => c.Count > 0).GroupBy(c => c.CommunityId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
    }

    private static Task<ChannelReadState?> FindAsync(MemberScope scope, int channelId, CancellationToken ct) =>
        scope.Db.ChannelReadStates.SingleOrDefaultAsync(r => r.UserId == scope.UserId && r.ChannelId == channelId, ct);

    private async Task SaveAsync(
        MemberScope scope, ChannelReadState? state, int channelId, long messageId, bool movedBack, CancellationToken ct)
    {
        if (state is null)
        {
            scope.Db.ChannelReadStates.Add(
                new ChannelReadState { UserId = scope.UserId, ChannelId = channelId, LastReadMessageId = messageId });
        }
        else
        {
            state.LastReadMessageId = messageId;
        }

        try
        {
            await scope.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs created the row at once; the other one's marker is just as good.
            return;
        }

        await hub.PublishAsync(new ReadStateChanged(scope.UserId, channelId, messageId, movedBack));
    }
}
