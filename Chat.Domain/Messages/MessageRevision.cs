namespace Chat.Domain.Messages;

/// <summary>An earlier text of an edited message, kept so members can see what it said before.</summary>
public class MessageRevision
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public string Content { get; set; } = "";

    /// <summary>When this text was written (the message's creation, or the edit that produced it).</summary>
    public DateTime WrittenAt { get; set; }

    public Message? Message { get; set; }
}
