using System.Globalization;

namespace Chat.App.Components.Attachments;

/// <summary>A file's size as people read it, in the reader's culture: 850 B, 12 KB, 1.4 MB.</summary>
internal static class FileSizes
{
    public static string Format(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{Math.Round(bytes / 1024.0):N0} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024):N1} MB"),
    };

    /// <summary>What kind of file, shortly: its extension in capitals (PDF, ZIP), or its type when it has none.</summary>
    public static string KindOf(string fileName, string contentType)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.');
        return extension.Length is > 0 and <= 8 ? extension.ToUpperInvariant() : contentType;
    }
}
