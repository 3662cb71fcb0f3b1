using Chat.Domain.Users;

namespace Chat.Domain.Communities;

/// <summary>A user's place in a community; the key (community, user) allows one membership each.</summary>
public class Membership
{
    public int CommunityId { get; set; }

    public string UserId { get; set; } = "";

    public MemberRole Role { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>Silences the server's notifications except direct mentions.</summary>
    public bool Muted { get; set; }

    public Community? Community { get; set; }

    public ChatUser? User { get; set; }
}
