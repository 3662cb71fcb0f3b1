using System.Globalization;
using System.Text;
using Chat.Domain.Profiles;

namespace Chat.Domain.Attachments;

/// <summary>File names and types of uploads: nothing the browser claims is believed as it comes.</summary>
public static class FileNames
{
    private const string Fallback = "file";

    private static readonly string[] PictureExtensions = [".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".gif", ".webp", ".svg", ".svgz", ".bmp", ".ico", ".avif", ".heic", ".heif", ".tif", ".tiff"];

    /// <summary>
    /// Types served for other files, by extension. Whatever it says, a file is only ever downloaded (with
    /// <c>Content-Disposition: attachment</c>, <c>nosniff</c> and a sandbox), so the type only helps the reader's
    /// computer pick a program; anything else is <c>application/octet-stream</c>.
    /// </summary>
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".csv"] = "text/csv",
        [".json"] = "application/json",
        [".zip"] = "application/zip",
        [".gz"] = "application/gzip",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".mp3"] = "audio/mpeg",
        [".mp4"] = "video/mp4",
    };

    /// <summary>
    /// The last part of a path, without control or invisible formatting characters (a right-to-left override can make
    /// "cod.exe" look like "exe.doc"), at most <see cref="Attachment.FileNameMaxLength"/> characters with its extension kept.
    /// </summary>
    public static string Clean(string? name)
    {
        var last = (name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(last.Length);
        foreach (var rune in last.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                kept.Append(rune.ToString());
            }
        }

        var cleaned = kept.ToString().Trim().TrimStart('.');
        if (cleaned.Length == 0)
        {
            return Fallback;
        }

        if (cleaned.Length > Attachment.FileNameMaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length <= 16 ? extension : "";
            cleaned = cleaned[..(Attachment.FileNameMaxLength - extension.Length)].TrimEnd() + extension;
        }

        return cleaned;
    }

    /// <summary>
    /// Whether an upload claims to be a picture, by its name, the browser's type or its first bytes. Such a file
    /// must decode as one (an SVG, an HTML page called .png), or it is refused rather than kept as a plain file.
    /// </summary>
    public static bool ClaimsPicture(string fileName, string? declaredType, ReadOnlySpan<byte> bytes) =>
        PictureExtensions.Contains(Path.GetExtension(fileName).ToLowerInvariant())
        || (declaredType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ?? false)
        || ImageSniffer.HasImageSignature(bytes);

    /// <summary>The type a non-picture file is served with: from <see cref="Types"/>, else octet-stream.</summary>
    public static string ContentTypeOf(string fileName) =>
        Types.TryGetValue(Path.GetExtension(fileName), out var type) ? type : "application/octet-stream";

    /// <summary>A picture's name with the extension of the type it was re-encoded to (a GIF is kept as PNG).</summary>
    public static string WithExtensionOf(string fileName, string contentType)
    {
        var extension = contentType switch
        {
            "image/jpeg" => ".jpg",
            "image/webp" => ".webp",
            _ => ".png",
        };
        var current = Path.GetExtension(fileName).ToLowerInvariant();
        if (current == extension || (extension == ".jpg" && current is ".jpeg" or ".jpe" or ".jfif"))
        {
            return fileName;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        return Clean((stem.Length == 0 ? Fallback : stem) + extension);
    }
}
