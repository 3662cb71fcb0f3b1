using System.Globalization;
using System.Resources;

namespace Chat.App.Localization;

/// <summary>
/// Times as the interface writes them, in the reader's language: "Today at 14:03" / "Hoy a las 14:03", "Yesterday
/// at 9:15 AM" / "Ayer a las 9:15", and dates in the order the language puts them ("Dec 2" / "2 dic"). The words
/// live in ChatTime.resx and ChatTime.es.resx; the clock format (12 or 24 hours) is the culture's own.
/// </summary>
public static class ChatTime
{
    private static readonly ResourceManager Words = new("Chat.App.Localization.ChatTime", typeof(ChatTime).Assembly);

    /// <summary>A message's time: today's and yesterday's say so, older ones give the date too.</summary>
    /// <param name="local">The time in the reader's zone.</param>
    /// <param name="today">Today's date in the reader's zone.</param>
    public static string Relative(DateTime local, DateTime today)
    {
        var culture = CultureInfo.CurrentCulture;
        var time = local.ToString("t", culture);
        var day = local.Date == today ? "Today" : local.Date == today.AddDays(-1) ? "Yesterday" : null;
        if (day is null)
        {
            return local.ToString("g", culture);
        }

        // Spanish says "a la 1:05" but "a las 2:05": the article agrees with the hour the clock shows.
        var hourShown = UsesTwelveHours(culture) ? (local.Hour + 11) % 12 + 1 : local.Hour;
        return Format(hourShown == 1 ? day + "AtOne" : day + "At", time);
    }

    /// <summary>A short time for lists (the inbox): the time alone today, else the day and month too.</summary>
    public static string InList(DateTime local, DateTime today) =>
        local.Date == today ? local.ToString("t", CultureInfo.CurrentCulture) : DayAndTime(local);

    /// <summary>"Dec 2, 14:03" / "2 dic, 14:03": a day of this year with its time.</summary>
    public static string DayAndTime(DateTime local) =>
        local.ToString(Word("DayAndTimePattern"), CultureInfo.CurrentCulture);

    private static bool UsesTwelveHours(CultureInfo culture) =>
        culture.DateTimeFormat.ShortTimePattern.Contains('h', StringComparison.Ordinal);

    private static string Format(string key, params object[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, Word(key), arguments);

    private static string Word(string key) => Words.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
