using System.Globalization;
using System.Resources;

namespace Chat.App.Localization;

/// <summary>
/// A count with its noun in the reader's language: "1 member", "2 members"; "1 miembro", "2 miembros". Each word has
/// a One and an Other form in Plurals.resx and Plurals.es.resx; {0} is the count, in the reader's number format.
/// </summary>
public static class Plurals
{
    public const string Members = nameof(Members);
    public const string Uses = nameof(Uses);

    /// <summary>"{1} of {0} uses": the form follows the limit, {0} (Spanish "1 de 1 uso"); {1} is the uses so far.</summary>
    public const string UsesOf = nameof(UsesOf);
    public const string Mentions = nameof(Mentions);

    /// <summary>"{0} unread mentions in {1}", {1} being the server's name.</summary>
    public const string UnreadMentionsIn = nameof(UnreadMentionsIn);
    public const string UnreadNotifications = nameof(UnreadNotifications);
    public const string Days = nameof(Days);
    public const string Hours = nameof(Hours);
    public const string Minutes = nameof(Minutes);

    /// <summary>The people not named in "Ana, Bob and 3 others" (who reacted to a message).</summary>
    public const string Others = nameof(Others);

    /// <summary>Every word, for the test that each has both forms in both languages.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Members, Uses, UsesOf, Mentions, UnreadMentionsIn, UnreadNotifications, Days, Hours, Minutes, Others];

    private static readonly ResourceManager Words = new("Chat.App.Localization.Plurals", typeof(Plurals).Assembly);

    /// <param name="word">One of the constants above.</param>
    /// <param name="count">The number the form agrees with; it is also {0}.</param>
    /// <param name="more">Further values: {1}, {2}...</param>
    public static string Of(string word, long count, params object[] more)
    {
        var key = $"{word}.{FormOf(count)}";
        var format = Words.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        object[] arguments = [count, .. more];
        return string.Format(CultureInfo.CurrentCulture, format, arguments);
    }

    /// <summary>
    /// English and Spanish agree: one for exactly 1, other for the rest (0 included: "0 members", "0 miembros").
    /// A language with more forms (few, many) would add its rule here.
    /// </summary>
    public static string FormOf(long count) => count == 1 ? "One" : "Other";
}
