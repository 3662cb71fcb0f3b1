namespace Chat.App.Components.Messaging;

/// <summary>
/// The word the composer's caret is in when it asks for suggestions: <c>@</c> for a member, <c>#</c> for a channel,
/// <c>:</c> for an emoji. <see cref="Start"/> is the symbol's index, <see cref="End"/> the end of the word (the caret
/// may be inside it), and <see cref="Query"/> what was typed between the symbol and the caret.
/// </summary>
public sealed record AutocompleteTrigger(char Symbol, int Start, int End, string Query)
{
    public const char Member = '@';
    public const char Channel = '#';
    public const char Emoji = ':';

    /// <summary>An emoji list opens only after this many letters: ":" alone is too common in text (times, "note:").</summary>
    public const int MinEmojiQuery = 2;

    // Longer than any username, display name or channel name a user would type before picking from the list.
    private const int MaxQuery = 100;

    /// <summary>Whether the list needs the server's members and channels (the emoji ship with the app).</summary>
    public bool NeedsSources => Symbol is Member or Channel;

    /// <summary>The trigger at <paramref name="caret"/> in <paramref name="text"/>, or null when no list should open.</summary>
    public static AutocompleteTrigger? Find(string? text, int caret)
    {
        if (text is null || caret < 1 || caret > text.Length)
        {
            return null;
        }

        // Back from the caret to the nearest symbol, within the word: a space in between means no suggestion.
        var start = caret - 1;
        while (start >= 0 && !char.IsWhiteSpace(text[start]) && text[start] is not (Member or Channel or Emoji))
        {
            start--;
        }

        if (start < 0 || char.IsWhiteSpace(text[start]) || caret - start - 1 > MaxQuery || !StartsWord(text, start))
        {
            return null;
        }

        var symbol = text[start];
        var query = text[(start + 1)..caret];
        if (symbol == Emoji && !IsEmojiQuery(query))
        {
            return null;
        }

        var end = caret;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return new AutocompleteTrigger(symbol, start, end, query);
    }

    /// <summary>
    /// The text with the word replaced by <paramref name="insert"/>, and where the caret goes: after it and one space
    /// (added unless one follows already), so the user writes on. An emoji goes in without the space.
    /// </summary>
    public (string Text, int Caret) Replace(string text, string insert)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(insert);
        var rest = text[Math.Min(End, text.Length)..];
        if (Symbol == Emoji)
        {
            return (text[..Start] + insert + rest, Start + insert.Length);
        }

        var space = rest.Length > 0 && char.IsWhiteSpace(rest[0]) ? "" : " ";
        return (text[..Start] + insert + space + rest, Start + insert.Length + 1);
    }

    // "@ana" after a space, a line break, an opening bracket or quote, or at the start; not in "mail@example.com",
    // "issue#4" or "12:30".
    private static bool StartsWord(string text, int start) =>
        start == 0 || char.IsWhiteSpace(text[start - 1]) || text[start - 1] is '(' or '[' or '{' or '"' or '\'';

    // The short names are ASCII letters, digits and underscores (Chat.Domain/Messages/Emoji.cs); ":)" is a smiley.
    private static bool IsEmojiQuery(string query) =>
        query.Length >= MinEmojiQuery && char.IsAsciiLetter(query[0]) && char.IsAsciiLetter(query[1])
        && query.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+');
}
