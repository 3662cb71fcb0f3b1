using Chat.Domain.Communities;

namespace Chat.Domain.Invitations;

/// <summary>A shareable link to join, with an optional expiry and use limit; owner and admins can revoke it.</summary>
public class InviteLink
{
    public const int CodeLength = 10;

    /// <summary>Random and unguessable; the URL is /invite/{code}.</summary>
    public string Code { get; set; } = "";

    public int CommunityId { get; set; }

    public string CreatorId { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public int? MaxUses { get; set; }

    public int Uses { get; set; }

    public DateTime? RevokedAt { get; set; }

    public Community? Community { get; set; }
}
