using System.Text;

namespace Chat.Domain.Users;

/// <summary>
/// The confusables skeleton of a username (Unicode UTS #39, section 4): two names with the same skeleton look
/// alike, like <c>aIice</c> and <c>alice</c>. Usernames are case-insensitive, so the skeleton is also taken of the
/// lower-cased skeleton: <c>b0b</c>, <c>BOB</c> and <c>bob</c> share one.
/// </summary>
public static class UserNameSkeleton
{
    /// <summary>
    /// The entries of Unicode's confusables.txt (type MA) whose source and prototype are both
    /// characters a username may hold (ASCII letters, digits, '_' and '.'), written down from that file; every
    /// other allowed character is its own prototype. UTS #39 also applies NFD before and after the mapping, which
    /// changes no ASCII character, so it is left out.
    /// </summary>
    private static readonly Dictionary<char, string> Prototypes = new()
    {
        ['0'] = "O", // 0030 ; 004F  DIGIT ZERO → LATIN CAPITAL LETTER O
        ['1'] = "l", // 0031 ; 006C  DIGIT ONE → LATIN SMALL LETTER L
        ['I'] = "l", // 0049 ; 006C  LATIN CAPITAL LETTER I → LATIN SMALL LETTER L
        ['m'] = "rn", // 006D ; 0072 006E  LATIN SMALL LETTER M → r, n
    };

    /// <summary>At most two characters per character of the name (m → rn).</summary>
    public const int MaxLength = 2 * ChatUser.UserNameMaxLength;

    public static string Of(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        // Mapped first, in the case the name was typed: 'I' looks like 'l', but its lower case 'i' does not. Then
        // lower-cased and mapped again, since lower-casing can make a mappable letter ('M' → 'm' → "rn").
        return Map(Map(userName).ToLowerInvariant());
    }

    private static string Map(string text)
    {
        var skeleton = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (Prototypes.TryGetValue(c, out var prototype))
            {
                skeleton.Append(prototype);
            }
            else
            {
                skeleton.Append(c);
            }
        }

        return skeleton.ToString();
    }
}
