namespace Chat.Domain.Messages;

/// <summary>One text a message has had, oldest first; the last one is the current text.</summary>
public sealed record MessageRevisionView(string Content, DateTime WrittenAt);

/// <summary>A channel's unread state for one user: bold when unread, a badge when it mentions them.</summary>
public sealed record ChannelUnread(int ChannelId, bool HasUnread, int MentionCount, long LastReadMessageId);

/// <summary>How fast one user may send: a bucket of <see cref="Burst"/> messages, refilled one per <see cref="Refill"/>.</summary>
public sealed record SendRateLimit(int Burst, TimeSpan Refill)
{
    public static SendRateLimit Default { get; } = new(10, TimeSpan.FromMilliseconds(500));
}
