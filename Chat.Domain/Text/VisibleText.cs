using System.Globalization;
using System.Text;

namespace Chat.Domain.Text;

/// <summary>
/// What others read as a name (display, server and channel names) or as text about someone or something (bios,
/// descriptions, topics) shows every character it holds, so nobody can pass for someone else with characters
/// the reader cannot see: a right-to-left override (U+202E) that shows "ecilA" as "Alice", zero-width spaces
/// (U+200B) that show a blank author, other control and format characters (Unicode Cc and Cf), line separators
/// and the blank "letters" (Hangul fillers, the blank braille cell).
/// <para>
/// Such text is refused, not stripped: stripping would store something other than what the user typed and
/// saw, without telling them, and a refusal names the character so they can remove it. Two exceptions keep
/// ordinary text working: the line breaks and tabs of multi-line text (bios, descriptions), and the zero-width
/// joiner inside an emoji sequence (👩‍💻, 🏳️‍🌈), where it joins two visible symbols into one.
/// </para>
/// </summary>
public static class VisibleText
{
    /// <summary>Refuses invisible characters and a name without a letter or digit.</summary>
    /// <param name="name">The name as it will be stored (already trimmed).</param>
    /// <param name="what">What the name is, for the error's words.</param>
    /// <param name="field">The <see cref="ValidationException.Field"/> the UI places the message by.</param>
    public static void RequireName(string name, TextSubject what, string? field)
    {
        if (NameProblem(name, what) is { } problem)
        {
            throw new ValidationException(problem, field);
        }
    }

    /// <summary>Refuses invisible characters; multi-line text keeps its line breaks and tabs.</summary>
    public static void RequireVisible(string? text, bool multiline, TextSubject what, string? field)
    {
        if (TextProblem(text, multiline, what) is { } problem)
        {
            throw new ValidationException(problem, field);
        }
    }

    /// <summary>Why a name is refused, or null; for forms that explain it before anything is sent.</summary>
    public static DomainError? NameProblem(string? name, TextSubject what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        if (TextProblem(name, multiline: false, what) is { } problem)
        {
            return problem;
        }

        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                return null;
            }
        }

        return DomainErrors.NeedsLetterOrDigit(what);
    }

    /// <summary>Why a text is refused, or null.</summary>
    public static DomainError? TextProblem(string? text, bool multiline, TextSubject what)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var previous = default(Rune?);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return DomainErrors.BrokenCharacter(what);
            }

            var next = i + used < text.Length && Rune.DecodeFromUtf16(text.AsSpan(i + used), out var after, out _) ==
                System.Buffers.OperationStatus.Done ? after : default(Rune?);
            if (IsInvisible(rune, previous, next, multiline))
            {
                return DomainErrors.InvisibleCharacter(what, string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}"));
            }

            previous = rune;
            i += used;
        }

        return null;
    }

    private static bool IsInvisible(Rune rune, Rune? previous, Rune? next, bool multiline) => rune.Value switch
    {
        '\n' or '\r' or '\t' => !multiline,
        0x200D => !JoinsEmoji(previous, next),
        0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 => true,
        _ => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator,
    };

    // A joiner between a symbol (or its skin tone, its emoji presentation selector, its keycap) and another symbol.
    private static bool JoinsEmoji(Rune? previous, Rune? next) =>
        previous is { } before && next is { } after
        && Rune.GetUnicodeCategory(before) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
        && Rune.GetUnicodeCategory(after) == UnicodeCategory.OtherSymbol;
}
