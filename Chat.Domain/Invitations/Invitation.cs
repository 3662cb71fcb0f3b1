using Chat.Domain.Communities;

namespace Chat.Domain.Invitations;

public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,

    /// <summary>Was pending when its week ran out; a new invitation may then be sent.</summary>
    Expired = 3,
}

/// <summary>A member asks a user by name to join; the invitee accepts or declines.</summary>
public class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public long Id { get; set; }

    public int CommunityId { get; set; }

    public string InviterId { get; set; } = "";

    public string InviteeId { get; set; } = "";

    public InvitationStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public Community? Community { get; set; }
}
