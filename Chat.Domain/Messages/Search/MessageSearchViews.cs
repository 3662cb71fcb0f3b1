namespace Chat.Domain.Messages.Search;

/// <summary>A piece of a found message's text; <see cref="Match"/> pieces are the words the query found.</summary>
public sealed record TextSegment(string Text, bool Match);

/// <summary>One found message, with its text cut into plain and matched pieces (never markup).</summary>
public sealed record MessageSearchHit(
    long MessageId,
    int ChannelId,
    string ChannelName,
    string AuthorId,
    string AuthorUserName,
    string AuthorDisplayName,
    DateTime CreatedAt,
    DateTime? EditedAt,
    IReadOnlyList<TextSegment> Segments);

/// <summary>Newest first; pass <see cref="NextBeforeId"/> back for the next page, null when there is none.</summary>
public sealed record MessageSearchPage(IReadOnlyList<MessageSearchHit> Hits, long? NextBeforeId)
{
    public static MessageSearchPage Empty { get; } = new([], null);
}
