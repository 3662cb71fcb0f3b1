namespace Chat.Domain.Messages;

/// <summary>A message that names a user (@username); counted for the user's mention badges.</summary>
public class Mention
{
    public long MessageId { get; set; }

    public string UserId { get; set; } = "";

    public int ChannelId { get; set; }

    public Message? Message { get; set; }
}
