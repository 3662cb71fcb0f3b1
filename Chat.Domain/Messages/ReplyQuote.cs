namespace Chat.Domain.Messages;

/// <summary>
/// What a reply shows of its original: who wrote it and how it starts, on one line, as plain text (the reader shows
/// it as text, never as markup).
/// </summary>
public sealed record ReplyQuote(long MessageId, string AuthorDisplayName, string Excerpt)
{
    /// <summary>The quote shows at most this much of the original; the line's end is cut off by the style anyway.</summary>
    public const int ExcerptLength = 120;

    /// <summary>The quote of <paramref name="content"/>: its start, with line breaks as spaces.</summary>
    public static ReplyQuote Of(long messageId, string authorDisplayName, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.Length <= ExcerptLength ? content : content[..ExcerptLength];
        if (start.Length > 0 && char.IsHighSurrogate(start[^1]))
        {
            // Never half an emoji.
            start = start[..^1];
        }

        return new ReplyQuote(messageId, authorDisplayName, string.Join(' ', start.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)));
    }
}
