using Chat.Domain.Notifications;

namespace Chat.Domain.Messages;

public sealed partial class MessageService
{
    // In a direct conversation every message is for the others, so each of them hears of it once (a mention in it
    // adds nothing more); a muted conversation stays quiet. Stored with the message.
    private async Task<List<Notification>> DirectMessageNotificationsAsync(
        ChatDbContext db, int communityId, int channelId, string authorId, Message message, CancellationToken ct)
    {
        var recipients = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.UserId != authorId && !m.Muted)
            .Select(m => m.UserId)
            .ToListAsync(ct);
        return recipients
            .Select(r => notifications.Add(db, r, NotificationKind.DirectMessage, authorId, communityId, channelId, message))
            .ToList();
    }
}
