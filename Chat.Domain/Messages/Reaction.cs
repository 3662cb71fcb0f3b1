using Chat.Domain.Users;

namespace Chat.Domain.Messages;

/// <summary>One user's emoji on one message; a unique index keeps it to one per user, emoji and message.</summary>
public class Reaction
{
    /// <summary>The longest emoji of <see cref="Emoji.All"/> is well below this; the column stays small.</summary>
    public const int EmojiMaxLength = 16;

    /// <summary>At most this many different emoji on one message.</summary>
    public const int MaxDistinctEmoji = 20;

    /// <summary>Grows with time, so the first to react are named first.</summary>
    public long Id { get; set; }

    public long MessageId { get; set; }

    public string UserId { get; set; } = "";

    public string Emoji { get; set; } = "";

    public Message? Message { get; set; }

    public ChatUser? User { get; set; }
}
