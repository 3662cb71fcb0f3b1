using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Chat.App.Localization;
using Chat.Domain.Text;

namespace Chat.Tests.Localization;

/// <summary>
/// Every text of the interface exists in English and Spanish: each key of each of Chat.App's resource files has a
/// non-empty value in both, with the same {0} placeholders; and every domain error code has its words.
/// </summary>
public sealed partial class ResourceTests
{
    private static readonly Assembly App = typeof(DomainErrorText).Assembly;
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    /// <summary>Chat.App's resource files by base name: Chat.App.Localization.DomainErrors, ...</summary>
    private static readonly IReadOnlyList<string> BaseNames =
    [
        .. App.GetManifestResourceNames()
            .Where(n => n.EndsWith(".resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length])
            .Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> ResourceFiles => new(BaseNames);

    [Fact]
    public void ResourceFiles_IncludeTheOnesOfThisFeature()
    {
        var names = BaseNames;

        Assert.Contains("Chat.App.Localization.DomainErrors", names);
        Assert.Contains("Chat.App.Localization.IdentityErrors", names);
        Assert.Contains("Chat.App.Localization.ChatTime", names);
        Assert.Contains("Chat.App.Localization.Plurals", names);
        Assert.Contains("Chat.App.Components.Localization.LanguageChooser", names);
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void ResourceFile_EveryKeyInBothLanguages_NonEmptyWithTheSamePlaceholders(string baseName)
    {
        var english = Entries(baseName, CultureInfo.InvariantCulture);
        var spanish = Entries(baseName, Spanish);

        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), spanish.Keys.Order(StringComparer.Ordinal));
        Assert.All(english, pair =>
        {
            Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{baseName}: {pair.Key} is empty in English");
            Assert.False(string.IsNullOrWhiteSpace(spanish[pair.Key]), $"{baseName}: {pair.Key} is empty in Spanish");
            Assert.True(
                Placeholders(pair.Value).SetEquals(Placeholders(spanish[pair.Key])),
                $"{baseName}: {pair.Key} has {{…}} placeholders \"{pair.Value}\" in English but \"{spanish[pair.Key]}\" in Spanish");
        });
    }

    /// <summary>Each factory of DomainErrors, called with sample arguments: the code and what it carries.</summary>
    public static TheoryData<string> DomainErrorFactories => new(
        typeof(DomainErrors).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Distinct());

    [Theory]
    [MemberData(nameof(DomainErrorFactories))]
    public void DomainError_HasWordsInBothLanguagesForEachOfItsArguments(string factory)
    {
        var error = ErrorOf(typeof(DomainErrors).GetMethod(factory)!);
        var english = Entries("Chat.App.Localization.DomainErrors", CultureInfo.InvariantCulture);
        var spanish = Entries("Chat.App.Localization.DomainErrors", Spanish);

        Assert.Equal(factory, error.Code);
        foreach (var words in new[] { english, spanish })
        {
            Assert.True(words.TryGetValue(error.Code, out var format), $"{error.Code} has no words");
            // Every argument is used, and no placeholder lacks one.
            Assert.Equal(Enumerable.Range(0, error.Arguments.Count).ToHashSet(), Placeholders(format!));
            foreach (var word in error.Arguments.OfType<Enum>())
            {
                Assert.True(words.ContainsKey(DomainErrorText.KeyOf(word)), $"{DomainErrorText.KeyOf(word)} has no words");
            }
        }
    }

    [Fact]
    public void TextSubjects_EachHasWords()
    {
        var english = Entries("Chat.App.Localization.DomainErrors", CultureInfo.InvariantCulture);

        Assert.All(Enum.GetValues<TextSubject>(), subject => Assert.Contains(DomainErrorText.KeyOf(subject), english.Keys));
    }

    [Fact]
    public void Describe_InSpanish_UsesSpanishWordsAndNumbers()
    {
        using var _ = new ReaderCulture("es");

        Assert.Equal(
            "Un mensaje tiene como máximo 4.000 caracteres; este tiene 4.001.",
            DomainErrors.MessageTooLong(4000, 4001, "content").Describe());
        Assert.Equal(
            "El nombre visible no puede contener caracteres invisibles o de control (tiene U+202E). Quítalo y vuelve a intentarlo.",
            new ValidationException(DomainErrors.InvisibleCharacter(TextSubject.DisplayName, "U+202E")).Describe());
    }

    [Fact]
    public void Describe_InEnglish_UsesEnglishWordsAndNumbers()
    {
        using var _ = new ReaderCulture("en");

        Assert.Equal(
            "A message is at most 4,000 characters; this one has 4,001.",
            DomainErrors.MessageTooLong(4000, 4001, "content").Describe());
        Assert.Equal("You are going too fast. Slow down a little and try again in a moment.", DomainErrors.SlowDown().Describe());
    }

    private static DomainError ErrorOf(MethodInfo factory)
    {
        var arguments = factory.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(int) => (object)7,
            var t when t == typeof(string) => "sample",
            var t when t.IsEnum => Enum.GetValues(t).GetValue(0)!,
            var t => throw new InvalidOperationException($"No sample for {t.Name} of {factory.Name}"),
        }).ToArray();
        return factory.Invoke(null, arguments) switch
        {
            DomainException e => e.Error,
            DomainError e => e,
            var other => throw new InvalidOperationException($"{factory.Name} returned {other}"),
        };
    }

    /// <summary>The entries of one resource file in one language only (no fallback to English).</summary>
    private static Dictionary<string, string> Entries(string baseName, CultureInfo culture)
    {
        var set = new ResourceManager(baseName, App).GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"{baseName} has no {(culture.Name.Length == 0 ? "English" : culture.Name)} resources");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static HashSet<int> Placeholders(string format) =>
        PlaceholderRegex().Matches(format).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderRegex();
}
