using Chat.Domain.Users;

namespace Chat.Domain.Direct;

/// <summary>
/// One user blocking another: the blocked one can neither start a conversation with the blocker nor send into one
/// they share, and the blocker no longer sees the blocked one's direct messages. One row per pair.
/// </summary>
public class UserBlock
{
    public string BlockerId { get; set; } = "";

    public string BlockedId { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public ChatUser? Blocked { get; set; }
}
