namespace Chat.Domain.Messages;

/// <summary>What a message row is: something a member wrote, or a line the app wrote into the channel.</summary>
public enum MessageKind
{
    /// <summary>Written by its author; may be edited.</summary>
    Text = 0,

    /// <summary>"Olga pinned a message.": its author pinned <see cref="Message.PinnedMessageId"/>; never edited.</summary>
    Pinned = 1,
}
