namespace Chat.Domain.Messages;

/// <summary>One entry of a channel's pinned list: the message (its author, time and text) and who pinned it when.</summary>
public sealed record PinnedMessageView(
    long MessageId,
    int ChannelId,
    string AuthorDisplayName,
    DateTime CreatedAt,
    string Content,
    string PinnedByDisplayName,
    DateTime PinnedAt);
