using Chat.Domain.Invitations;

namespace Chat.Domain.Notifications;

/// <summary>A notification as the inbox shows it, with the names it needs already looked up.</summary>
public sealed record NotificationView(
    long Id,
    NotificationKind Kind,
    string? ActorDisplayName,
    int? CommunityId,
    string? CommunityName,
    int? ChannelId,
    string? ChannelName,
    long? MessageId,
    string? MessageExcerpt,
    long? InvitationId,
    InvitationStatus? InvitationStatus,
    DateTime CreatedAt,
    bool IsRead,
    string? ActorUserName = null);
