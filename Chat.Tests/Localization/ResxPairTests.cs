using System.Text.RegularExpressions;
using System.Xml.Linq;
using Chat.Tests.Support;

namespace Chat.Tests.Localization;

/// <summary>
/// Every English resource file (X.resx) in Chat.App's sources has its Spanish twin (X.es.resx) beside it, with the
/// same keys, no empty text and the same placeholders ({0}, {1:N0}...), so no sentence falls back to English and
/// no value goes missing. It reads the files themselves, so a file left out of the build is checked too.
/// </summary>
public sealed partial class ResxPairTests
{
    private static readonly string AppFolder = BuildOutput.ProjectFolder("Chat.App");

    public static TheoryData<string> EnglishResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(AppFolder, "*.resx", SearchOption.AllDirectories)
                     .Where(f => !IsBuildOutput(f) && !f.EndsWith(".es.resx", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(AppFolder, file));
        }

        return data;
    }

    [Fact]
    public void App_HasResources_ForEveryLanguage()
    {
        var all = Directory.EnumerateFiles(AppFolder, "*.resx", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)).ToList();

        Assert.True(all.Count(f => !f.EndsWith(".es.resx", StringComparison.Ordinal)) >= 30, "the components' resources were not found");
        // A Spanish file without its English one would never be read: the English one is the neutral fallback.
        Assert.All(all.Where(f => f.EndsWith(".es.resx", StringComparison.Ordinal)),
            f => Assert.True(File.Exists(f[..^".es.resx".Length] + ".resx"), $"{f} has no English twin"));
    }

    [Theory]
    [MemberData(nameof(EnglishResources))]
    public void Resource_EnglishAndSpanish_SameKeysNoEmptyValuesSamePlaceholders(string english)
    {
        var spanish = english[..^".resx".Length] + ".es.resx";
        Assert.True(File.Exists(Path.Combine(AppFolder, spanish)), $"{spanish} is missing");
        var en = Read(english);
        var es = Read(spanish);

        Assert.Empty(en.Keys.Except(es.Keys).Select(k => $"{k} is in {english} only"));
        Assert.Empty(es.Keys.Except(en.Keys).Select(k => $"{k} is in {spanish} only"));
        Assert.Empty(en.Concat(es).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key} is empty"));
        Assert.Empty(en.Keys.Intersect(es.Keys)
            .Where(k => !Placeholders(en[k]).SequenceEqual(Placeholders(es[k])))
            .Select(k => $"{k}: \"{en[k]}\" and \"{es[k]}\" have different placeholders"));
    }

    private static Dictionary<string, string> Read(string relativePath) =>
        XDocument.Load(Path.Combine(AppFolder, relativePath)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    // The same set of placeholders, whatever their order in the sentence: {0}, {1:N0}...
    private static IEnumerable<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
