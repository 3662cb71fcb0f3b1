using System.Buffers.Binary;

namespace Chat.Domain.Profiles;

/// <summary>
/// The pixel size an image declares in its header: PNG's IHDR, JPEG's start-of-frame, GIF's logical screen, WebP's
/// VP8, VP8L or VP8X chunk. A small file can declare a huge picture (a 48 KB PNG of 20,000 × 20,000 pixels) that
/// every viewer's browser would then have to decode, so the size is checked before a picture is stored. Only the
/// header is read, nothing is decoded.
/// </summary>
public readonly record struct ImageSize(int Width, int Height)
{
    /// <summary>The declared size, or null when the header is not one of the four formats or declares no size.</summary>
    public static ImageSize? Of(ReadOnlySpan<byte> bytes)
    {
        ImageSize? size = ImageSniffer.ContentTypeOf(bytes) switch
        {
            "image/png" => OfPng(bytes),
            "image/jpeg" => OfJpeg(bytes),
            "image/gif" => new ImageSize(BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..])),
            "image/webp" => OfWebP(bytes),
            _ => null,
        };
        return size is { Width: > 0, Height: > 0 } ? size : null;
    }

    // A whole PNG starts with its 8-byte signature and a 13-byte IHDR: width and height are its first two fields.
    private static ImageSize? OfPng(ReadOnlySpan<byte> bytes)
    {
        var width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        return width > int.MaxValue || height > int.MaxValue ? null : new ImageSize((int)width, (int)height);
    }

    /// <summary>Walks the marker segments up to the first start-of-frame, which holds height, then width.</summary>
    private static ImageSize? OfJpeg(ReadOnlySpan<byte> bytes)
    {
        var position = 2;
        while (position + 4 <= bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return null;
            }

            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                // A fill byte before the marker.
                position++;
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                // Markers without a segment.
                position += 2;
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                // The end of the image, or the scan began, without a frame header: no size.
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 2)..]);
            if (length < 2 || position + 2 + length > bytes.Length)
            {
                return null;
            }

            // SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return length < 8
                    ? null
                    : new ImageSize(BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 5)..]));
            }

            position += 2 + length;
        }

        return null;
    }

    /// <summary>The first chunk after "RIFF size WEBP" says which of the three bitstreams follows.</summary>
    private static ImageSize? OfWebP(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30)
        {
            return null;
        }

        var chunk = bytes[12..16];
        var data = bytes[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height (2 bits of scale above).
            return data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A
                ? new ImageSize(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: the signature 2F, then width - 1 and height - 1 in 14 bits each.
            if (data[0] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return new ImageSize((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended (animation, alpha): 4 bytes of flags, then canvas width - 1 and height - 1 in 24 bits each.
            return new ImageSize(ReadUInt24(data[4..]) + 1, ReadUInt24(data[7..]) + 1);
        }

        return null;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
