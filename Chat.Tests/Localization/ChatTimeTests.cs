using Chat.App.Localization;

namespace Chat.Tests.Localization;

public sealed class ChatTimeTests
{
    private static readonly DateTime Today = new(2026, 12, 2);

    [Theory]
    [InlineData("es", 14, 3, 0, "Hoy a las 14:03")]
    [InlineData("es", 1, 5, 0, "Hoy a la 1:05")]
    [InlineData("es", 9, 30, -1, "Ayer a las 9:30")]
    [InlineData("es", 13, 0, -1, "Ayer a las 13:00")]
    [InlineData("en", 14, 3, 0, "Today at 2:03 PM")]
    [InlineData("en", 9, 30, -1, "Yesterday at 9:30 AM")]
    public void Relative_TodayOrYesterday_SaysSoInTheReadersLanguage(string language, int hour, int minute, int days, string expected)
    {
        using var _ = new ReaderCulture(language);

        var text = ChatTime.Relative(Today.AddDays(days).AddHours(hour).AddMinutes(minute), Today);

        Assert.Equal(expected, Normalized(text));
    }

    [Theory]
    [InlineData("es", "25/11/2026 14:03")]
    [InlineData("en", "11/25/2026 2:03 PM")]
    public void Relative_Older_GivesTheDateInTheReadersOrder(string language, string expected)
    {
        using var _ = new ReaderCulture(language);

        var text = ChatTime.Relative(new DateTime(2026, 11, 25, 14, 3, 0), Today);

        Assert.Equal(expected, Normalized(text));
    }

    [Theory]
    [InlineData("es", "25 nov, 14:03")]
    [InlineData("en", "Nov 25, 14:03")]
    public void DayAndTime_PutsDayAndMonthInTheReadersOrder(string language, string expected)
    {
        using var _ = new ReaderCulture(language);

        var text = ChatTime.DayAndTime(new DateTime(2026, 11, 25, 14, 3, 0));

        // Month abbreviations may carry a final dot ("nov.") depending on the culture data.
        Assert.Equal(expected, Normalized(text).Replace(".", "", StringComparison.Ordinal));
    }

    // Cultures may use a narrow no-break space before AM/PM; the reader sees a space.
    private static string Normalized(string text) =>
        text.Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
