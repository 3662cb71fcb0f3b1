using System.Globalization;
using Chat.Domain.Text;

namespace Chat.Domain.Messages.Search;

/// <summary>
/// A search as typed: words, and filters (<c>from:ana in:#general has:link before:2026-05-01 after:2026-04-01</c>).
/// Words become folded terms made only of letters and digits, so nothing a user types reaches a full-text query
/// language as an operator (quotes, NEAR, *, -, parentheses are mere separators).
/// </summary>
public sealed record SearchQuery(
    IReadOnlyList<string> Terms,
    string? FromUserName,
    string? InChannelName,
    bool HasLink,
    DateTime? Before,
    DateTime? After)
{
    public const int MaxLength = 200;
    public const int MaxTerms = 8;

    /// <summary>Longer words are cut: no real word is longer, and the indexes keep only so much of a token.</summary>
    public const int MaxTermLength = 40;

    public bool IsEmpty => Terms.Count == 0 && FromUserName is null && InChannelName is null && !HasLink
        && Before is null && After is null;

    public static SearchQuery Parse(string? text)
    {
        var terms = new List<string>();
        string? from = null, channel = null;
        var hasLink = false;
        DateTime? before = null, after = null;
        var input = text ?? "";
        if (input.Length > MaxLength)
        {
            input = input[..MaxLength];
        }

        foreach (var token in input.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? token[..colon].ToLowerInvariant() : "";
            var value = colon > 0 ? token[(colon + 1)..] : "";
            switch (key)
            {
                case "from" when value.Length > 0:
                    from = value.TrimStart('@');
                    break;
                case "in" when value.Length > 0:
                    channel = value.TrimStart('#');
                    break;
                case "has" when value.Length > 0:
                    hasLink = string.Equals(value, "link", StringComparison.OrdinalIgnoreCase)
                        ? true
                        : throw DomainErrors.SearchFilterUnknown(token);
                    break;
                case "before" when value.Length > 0:
                    before = ParseDate(token, value);
                    break;
                case "after" when value.Length > 0:
                    // After a day means from the start of the next one.
                    after = ParseDate(token, value).AddDays(1);
                    break;
                default:
                    AddTerms(terms, token);
                    break;
            }
        }

        return new SearchQuery(terms, from, channel, hasLink, before, after);
    }

    /// <summary>The runs of letters and digits of <paramref name="text"/>, folded (lower case, no accents).</summary>
    public static IEnumerable<string> Words(string text)
    {
        var folded = SearchText.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }

    private static void AddTerms(List<string> terms, string token)
    {
        foreach (var word in Words(token))
        {
            var term = word.Length > MaxTermLength ? word[..MaxTermLength] : word;
            if (terms.Count < MaxTerms && !terms.Contains(term))
            {
                terms.Add(term);
            }
        }
    }

    private static DateTime ParseDate(string token, string value) =>
        DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? DateTime.SpecifyKind(date, DateTimeKind.Utc)
            : throw DomainErrors.SearchDateInvalid(token);
}
