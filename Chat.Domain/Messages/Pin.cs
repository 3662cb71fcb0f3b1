using Chat.Domain.Users;

namespace Chat.Domain.Messages;

/// <summary>A message pinned to its channel; a unique index keeps one pin per message.</summary>
public class Pin
{
    /// <summary>At most this many pinned messages per channel.</summary>
    public const int MaxPerChannel = 50;

    /// <summary>Grows with time, so the newest pin comes first when ordered by it.</summary>
    public long Id { get; set; }

    /// <summary>Deleting the message deletes its pin (a cascading key).</summary>
    public long MessageId { get; set; }

    public string PinnedById { get; set; } = "";

    public DateTime PinnedAt { get; set; }

    public Message? Message { get; set; }

    public ChatUser? PinnedBy { get; set; }
}
