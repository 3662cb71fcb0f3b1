namespace Chat.Domain.Messages;

/// <summary>One text a message has had, oldest first; the last one is the current text.</summary>
public sealed record MessageRevisionView(string Content, DateTime WrittenAt);

/// <summary>A channel's unread state for one user: bold when unread, a badge when it mentions them.</summary>
public sealed record ChannelUnread(int ChannelId, bool HasUnread, int MentionCount, long LastReadMessageId);
