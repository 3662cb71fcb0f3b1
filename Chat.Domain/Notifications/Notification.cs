namespace Chat.Domain.Notifications;

public enum NotificationKind
{
    InvitationReceived = 0,
    InvitationAccepted = 1,
    InvitationDeclined = 2,
    Mentioned = 3,
    JoinedThroughLink = 4,
    Replied = 5,
    DirectMessage = 6,
}

/// <summary>Something for one user to see in the inbox; stored, so nothing is lost while they are away.</summary>
public class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public NotificationKind Kind { get; set; }

    /// <summary>Who caused it: the inviter, the invitee, the author of the mention or reply, the member who joined.</summary>
    public string? ActorId { get; set; }

    public int? CommunityId { get; set; }

    public int? ChannelId { get; set; }

    public long? MessageId { get; set; }

    public long? InvitationId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    public Messages.Message? Message { get; set; }
}
