using Chat.Domain.Users;

namespace Chat.Domain.Sessions;

/// <summary>
/// One sign-in of one browser. Its id travels in the auth cookie, so that a cookie stops working the moment its
/// session is revoked, on every instance (docs/decisions/0005-server-side-sessions.md).
/// </summary>
public class UserSession
{
    /// <summary>Random and unguessable (256 bits, base64url); never shown.</summary>
    public const int IdMaxLength = 64;

    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Set by a logout, a new password or a new email; a revoked session never comes back.</summary>
    public DateTime? RevokedAt { get; set; }

    public ChatUser? User { get; set; }
}
