using System.Globalization;
using Chat.Domain.Text;

namespace Chat.Domain.Messages.Search;

/// <summary>
/// Cuts a found message into plain and matched pieces: a word matches when its folded form starts with a term, as
/// the full-text indexes match prefixes. A long message is cut to a window around its first match.
/// </summary>
public static class SearchHighlighter
{
    public const int MaxSnippetLength = 300;
    private const int LeadIn = 80;
    private const string Ellipsis = "…";

    public static IReadOnlyList<TextSegment> Segments(string content, IReadOnlyList<string> terms)
    {
        var words = WordSpans(content).Where(w => IsMatch(content.Substring(w.Start, w.Length), terms)).ToList();
        var (start, end) = Window(content, words.Count > 0 ? words[0].Start : 0);
        var segments = new List<TextSegment>();
        if (start > 0)
        {
            segments.Add(new TextSegment(Ellipsis, false));
        }

        var position = start;
        foreach (var (wordStart, length) in words.Where(w => w.Start >= start && w.Start + w.Length <= end))
        {
            if (wordStart > position)
            {
                segments.Add(new TextSegment(content[position..wordStart], false));
            }

            segments.Add(new TextSegment(content.Substring(wordStart, length), true));
            position = wordStart + length;
        }

        if (end > position)
        {
            segments.Add(new TextSegment(content[position..end], false));
        }

        if (end < content.Length)
        {
            segments.Add(new TextSegment(Ellipsis, false));
        }

        return segments;
    }

    private static bool IsMatch(string word, IReadOnlyList<string> terms)
    {
        var folded = SearchText.Fold(word);
        return terms.Any(t => folded.StartsWith(t, StringComparison.Ordinal));
    }

    private static (int Start, int End) Window(string content, int firstMatch)
    {
        if (content.Length <= MaxSnippetLength)
        {
            return (0, content.Length);
        }

        var start = Math.Max(0, firstMatch - LeadIn);
        start = Math.Min(start, content.Length - MaxSnippetLength);
        // Never split a surrogate pair (an emoji) at either end.
        if (start > 0 && char.IsLowSurrogate(content[start]))
        {
            start--;
        }

        var end = start + MaxSnippetLength;
        if (end < content.Length && char.IsLowSurrogate(content[end]))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>Runs of letters and digits, with their accents (combining marks) when written decomposed.</summary>
    private static IEnumerable<(int Start, int Length)> WordSpans(string content)
    {
        var start = -1;
        for (var i = 0; i <= content.Length; i++)
        {
            var inWord = i < content.Length && (char.IsLetterOrDigit(content[i])
                || (start >= 0 && CharUnicodeInfo.GetUnicodeCategory(content[i]) == UnicodeCategory.NonSpacingMark));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }
}
