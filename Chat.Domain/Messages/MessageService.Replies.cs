using Chat.Domain.Communities;
using Chat.Domain.Notifications;

namespace Chat.Domain.Messages;

/// <summary>Replies: a message that quotes an earlier one of its channel and tells that one's author.</summary>
public sealed partial class MessageService
{
    /// <summary>
    /// Stores a reply to <paramref name="replyToId"/>, which must be a message of the same channel, through the same
    /// checks as <see cref="SendAsync"/> (member, content, rate, nonce). The original's author hears of it in the inbox
    /// unless <paramref name="notifyAuthor"/> is false (the replier's "@OFF"), they wrote the reply themselves, they
    /// left the server, or the reply already notified them as a mention. A reply notifies as a direct mention does:
    /// also in a muted server.
    /// </summary>
    public Task<MessageView> ReplyAsync(
        string? userId, int channelId, long replyToId, string content, Guid nonce, bool notifyAuthor = true,
        CancellationToken ct = default) =>
        StoreAsync(userId, channelId, content, nonce, new Reply(replyToId, notifyAuthor), ct);

    private sealed record Reply(long MessageId, bool NotifyAuthor);

    private sealed record Original(long Id, string AuthorId);

    /// <summary>
    /// The original of a reply, in the reply's channel. One of another channel of the same server is refused as such;
    /// one of another server, or none, is "deleted or never there" (its server's members only may know it exists). An
    /// original deleted after this check leaves a reply whose quote says the original was deleted, as any later delete.
    /// </summary>
    private static async Task<Original> FindOriginalAsync(
        ChatDbContext db, int communityId, int channelId, long messageId, CancellationToken ct)
    {
        var found = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.Channel!.CommunityId == communityId)
            .Select(m => new { m.ChannelId, m.AuthorId })
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.ReplyToMissing();
        return found.ChannelId == channelId ? new Original(messageId, found.AuthorId) : throw DomainErrors.ReplyToOtherChannel();
    }

    private static async Task<bool> NotifiesOriginalAuthorAsync(
        ChatDbContext db, int communityId, string replierId, Original original, Reply reply,
        IReadOnlyCollection<Notification> alreadyNotified, CancellationToken ct) =>
        reply.NotifyAuthor
        && original.AuthorId != replierId
        && !alreadyNotified.Any(n => n.UserId == original.AuthorId)
        && await db.Memberships.AnyAsync(m => m.CommunityId == communityId && m.UserId == original.AuthorId, ct);
}
