using Chat.App.Localization;

namespace Chat.Tests.Localization;

public sealed class PluralsTests
{
    [Theory]
    [InlineData("en", 1, "1 member")]
    [InlineData("en", 2, "2 members")]
    [InlineData("en", 0, "0 members")]
    [InlineData("en", 12_345, "12,345 members")]
    [InlineData("es", 1, "1 miembro")]
    [InlineData("es", 2, "2 miembros")]
    [InlineData("es", 0, "0 miembros")]
    [InlineData("es", 12_345, "12.345 miembros")]
    public void Members_AgreesWithTheCountInTheReadersLanguage(string language, int count, string expected)
    {
        using var _ = new ReaderCulture(language);

        Assert.Equal(expected, Plurals.Of(Plurals.Members, count));
    }

    [Theory]
    [InlineData("en", 1, 0, "0 of 1 uses")]
    [InlineData("en", 5, 1, "1 of 5 uses")]
    [InlineData("es", 1, 0, "0 de 1 uso")]
    [InlineData("es", 5, 1, "1 de 5 usos")]
    // English says "uses" after "of" whatever the limit; Spanish agrees with it.
    public void UsesOf_AgreesWithTheLimitWhereTheLanguageDoes(string language, int max, int uses, string expected)
    {
        using var _ = new ReaderCulture(language);

        Assert.Equal(expected, Plurals.Of(Plurals.UsesOf, max, uses));
    }

    [Fact]
    public void UnreadMentionsIn_NamesTheServer()
    {
        using var _ = new ReaderCulture("es");

        Assert.Equal("3 menciones sin leer en Canción", Plurals.Of(Plurals.UnreadMentionsIn, 3, "Canción"));
    }
}
