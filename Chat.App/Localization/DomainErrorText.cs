using System.Globalization;
using System.Resources;
using Chat.Domain;

namespace Chat.App.Localization;

/// <summary>
/// A domain refusal in the reader's language: the words of its code from DomainErrors.resx (DomainErrors.es.resx
/// for Spanish), its numbers formatted in the reader's culture, and its word arguments (a <see cref="Enum"/> such
/// as <c>TextSubject.Bio</c>) translated from the same file. An extension rather than an injected localizer so that
/// every place that shows an error (components, code-behind, validation attributes) turns it into words the same
/// way with one call; it reads the same .resx files through the same ResourceManager that IStringLocalizer uses.
/// </summary>
public static class DomainErrorText
{
    private static readonly ResourceManager Words =
        new("Chat.App.Localization.DomainErrors", typeof(DomainErrorText).Assembly);

    /// <summary>The words to show for <paramref name="exception"/> (never its Message, which is the code for logs).</summary>
    public static string Describe(this DomainException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Error.Describe();
    }

    public static string Describe(this DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var culture = CultureInfo.CurrentUICulture;
        // An unknown code still says something a developer can find; a test checks that every code has words.
        var format = Words.GetString(error.Code, culture) ?? error.Code;
        var arguments = error.Arguments
            .Select(a => a is Enum word ? Words.GetString(KeyOf(word), culture) ?? word.ToString() : a)
            .ToArray();
        return string.Format(CultureInfo.CurrentCulture, format, arguments);
    }

    /// <summary>The resource key of a word argument: <c>TextSubject.Bio</c>.</summary>
    public static string KeyOf(Enum word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return $"{word.GetType().Name}.{word}";
    }
}
