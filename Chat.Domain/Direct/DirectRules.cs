using Chat.Domain.Communities;
using Chat.Domain.Messages;

namespace Chat.Domain.Direct;

/// <summary>
/// What blocking changes in the message features that direct conversations share with servers: who may send, and
/// whose messages a reader sees. Servers are not affected: a block is about direct messages only.
/// </summary>
internal static class DirectRules
{
    /// <summary>
    /// Refuses a send into a direct conversation where another participant blocked the sender, or, between two
    /// people, where the sender blocked the other. True when the community is a direct conversation.
    /// </summary>
    public static async Task<bool> RequireMaySendAsync(ChatDbContext db, int communityId, string senderId, CancellationToken ct)
    {
        // One query on every send; for a server it finds no row.
        var direct = await db.Communities.AsNoTracking()
            .Where(c => c.Id == communityId && c.Kind == CommunityKind.Direct)
            .Select(c => new
            {
                c.DirectKey,
                BlockedBySomeone = c.Memberships.Any(m => m.UserId != senderId
                    && db.UserBlocks.Any(b => b.BlockerId == m.UserId && b.BlockedId == senderId)),
                BlockedByMe = c.Memberships
                    .Where(m => m.UserId != senderId && db.UserBlocks.Any(b => b.BlockerId == senderId && b.BlockedId == m.UserId))
                    .Select(m => m.User!.DisplayName)
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (direct is null)
        {
            return false;
        }

        if (direct.BlockedBySomeone)
        {
            throw DomainErrors.BlockedByRecipient();
        }

        // In a group the blocker may still talk to the others; between two people there is nobody else.
        if (direct.DirectKey is not null && direct.BlockedByMe is { } name)
        {
            throw DomainErrors.YouBlockedThem(name);
        }

        return true;
    }

    /// <summary>A reader's messages minus those of people the reader blocked, in direct conversations only.</summary>
    public static IQueryable<Message> VisibleTo(this IQueryable<Message> messages, ChatDbContext db, string? readerId) =>
        messages.Where(m => m.Channel!.Community!.Kind == CommunityKind.Server
            || !db.UserBlocks.Any(b => b.BlockerId == readerId && b.BlockedId == m.AuthorId));
}
