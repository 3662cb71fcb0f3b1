namespace Chat.Domain.Messages;

/// <summary>How far a user has read a channel; the same in every tab because it lives in the database.</summary>
public class ChannelReadState
{
    public string UserId { get; set; } = "";

    public int ChannelId { get; set; }

    /// <summary>The newest message the user has seen; 0 when none.</summary>
    public long LastReadMessageId { get; set; }
}
