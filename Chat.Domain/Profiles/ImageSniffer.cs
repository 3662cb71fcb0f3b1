using System.Buffers.Binary;

namespace Chat.Domain.Profiles;

/// <summary>
/// Recognizes PNG, JPEG, GIF and WebP by their bytes and checks that the file is whole (its end marker is
/// there), so a renamed HTML page, an SVG with script or a cut-off upload is refused, whatever it is called.
/// </summary>
public static class ImageSniffer
{
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> PngEnd => [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <summary>How many leading bytes <see cref="HasImageSignature"/> needs to look at.</summary>
    public const int SignatureLength = 12;

    /// <summary>
    /// Whether a file starts like a PNG, JPEG, GIF or WebP image. A quick first look before the browser is asked to
    /// shrink it, so that an SVG or an HTML page is refused at once; <see cref="ContentTypeOf"/> still decides.
    /// </summary>
    public static bool HasImageSignature(ReadOnlySpan<byte> header) =>
        header.StartsWith(Png)
        || (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        || header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8)
        || (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8));

    /// <summary>The content type to serve the image with, or null when the bytes are not a whole supported image.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Png))
        {
            return IsWholePng(bytes) ? "image/png" : null;
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF
            && bytes[^2] == 0xFF && bytes[^1] == 0xD9)
        {
            return "image/jpeg";
        }

        if (bytes.Length >= 14 && (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) && bytes[^1] == 0x3B)
        {
            return "image/gif";
        }

        if (bytes.Length >= 16 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)
            && BitConverter.ToUInt32(bytes[4..8]) + 8 == (uint)bytes.Length)
        {
            return "image/webp";
        }

        return null;
    }

    /// <summary>
    /// Walks the chunks from IHDR to IEND: each length must fit and IEND must end the file. Checking only the
    /// first and last bytes would let anything, an HTML page for one, sit between a PNG signature and an IEND.
    /// </summary>
    private static bool IsWholePng(ReadOnlySpan<byte> bytes)
    {
        var position = Png.Length;
        var first = true;
        while (bytes.Length - position >= 12)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[position..]);
            var type = bytes.Slice(position + 4, 4);
            if (length > (uint)(bytes.Length - position - 12) || (first && (!type.SequenceEqual("IHDR"u8) || length != 13)))
            {
                return false;
            }

            first = false;
            position += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return length == 0 && position == bytes.Length && bytes.EndsWith(PngEnd);
            }
        }

        return false;
    }
}
