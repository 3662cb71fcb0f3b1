using System.Text.RegularExpressions;
using Chat.Domain.Users;

namespace Chat.Domain.Messages;

/// <summary>
/// How a message's text names people (@ana, "@ana." at the end of a sentence, @everyone). In one place so that the
/// mentions stored at send and the ones a tab recognises in an event, without asking the database, never disagree.
/// </summary>
public static partial class MentionParser
{
    /// <summary>The normalized name that mentions every member, for those allowed (<see cref="MentionRules"/>).</summary>
    internal const string Everyone = "EVERYONE";

    /// <summary>
    /// Whether <paramref name="content"/> names <paramref name="userName"/> as a stored mention would (@ana, also
    /// "@ana." at the end of a sentence), so a tab can tell from the event alone, without asking the database.
    /// </summary>
    public static bool Mentions(string content, string? userName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrEmpty(userName) || !content.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (Match match in MentionRegex().Matches(content))
        {
            var name = match.Groups[1].Value;
            if (string.Equals(name, userName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name.TrimEnd('.'), userName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names <paramref name="text"/> mentions, normalized as Identity's NormalizedUserName, each once.</summary>
    public static IReadOnlyList<string> Names(string text) =>
        // A name may end in '.', but "thanks @ana." usually ends a sentence: try the name without the dots too.
        MentionRegex().Matches(text)
            .Select(m => m.Groups[1].Value.ToUpperInvariant())
            .SelectMany(name => new[] { name, name.TrimEnd('.') })
            .Where(name => name.Length >= ChatUser.UserNameMinLength)
            .Distinct()
            .ToList();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.])@([A-Za-z0-9_.]{3,32})")]
    private static partial Regex MentionRegex();
}
