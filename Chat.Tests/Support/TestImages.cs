using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Chat.Tests.Support;

/// <summary>Small, valid images made on the spot, so no binary test file has to live in the repository.</summary>
public static class TestImages
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>An RGB PNG of the given size, a diagonal gradient so that resizing has something to do.</summary>
    public static byte[] Png(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 2; // RGB
        WriteChunk(png, "IHDR", header);

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    row[1 + (x * 3)] = (byte)(255 * x / Math.Max(1, width - 1));
                    row[2 + (x * 3)] = (byte)(255 * y / Math.Max(1, height - 1));
                    row[3 + (x * 3)] = 160;
                }

                zlib.Write(row);
            }
        }

        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// A whole PNG whose header declares <paramref name="width"/> × <paramref name="height"/> over a few bytes of
    /// pixel data: what a tampered upload sends to make every viewer's browser allocate a huge picture.
    /// </summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        WriteChunk(png, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(new byte[64]);
        }

        WriteChunk(png, "IDAT", pixels.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A JPEG whose baseline frame header (SOF0, after a JFIF segment) declares the size; no real scan.</summary>
    public static byte[] JpegDeclaring(int width, int height) =>
        Convert.FromHexString(
            "FFD8" + "FFE000104A46494600010100000100010000"
            + "FFC0000B08" + $"{height:X4}{width:X4}" + "01011100"
            + "FFD9");

    /// <summary>A GIF89a of just a logical screen descriptor of that size and a trailer.</summary>
    public static byte[] GifDeclaring(int width, int height)
    {
        var gif = new byte[14];
        "GIF89a"u8.CopyTo(gif);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(8), (ushort)height);
        gif[^1] = 0x3B;
        return gif;
    }

    /// <summary>A WebP whose first chunk (<c>VP8 </c>, <c>VP8L</c> or <c>VP8X</c>) declares the size.</summary>
    public static byte[] WebPDeclaring(string chunk, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var data = new byte[10];
        switch (chunk)
        {
            case "VP8 ":
                data[3] = 0x9D;
                data[4] = 0x01;
                data[5] = 0x2A;
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), (ushort)width);
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(8), (ushort)height);
                break;
            case "VP8L":
                data[0] = 0x2F;
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), (uint)(width - 1) | ((uint)(height - 1) << 14));
                break;
            case "VP8X":
                WriteUInt24(data.AsSpan(4), width - 1);
                WriteUInt24(data.AsSpan(7), height - 1);
                break;
            default:
                throw new ArgumentException("VP8 , VP8L or VP8X", nameof(chunk));
        }

        var webp = new byte[20 + data.Length];
        "RIFF"u8.CopyTo(webp);
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), (uint)(webp.Length - 8));
        "WEBP"u8.CopyTo(webp.AsSpan(8));
        Encoding.ASCII.GetBytes(chunk).CopyTo(webp, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(16), (uint)data.Length);
        data.CopyTo(webp, 20);
        return webp;
    }

    /// <summary>
    /// A PNG of the given size carrying what re-encoding must drop: a text chunk with a script and an eXIf chunk with
    /// a GPS-looking marker, both before IDAT, where viewers keep them.
    /// </summary>
    public static byte[] PngWithMetadata(int width, int height)
    {
        var plain = Png(width, height);
        using var png = new MemoryStream();
        png.Write(plain.AsSpan(0, 8 + 25));
        WriteChunk(png, "tEXt", Encoding.Latin1.GetBytes("Comment\0<script>alert(document.cookie)</script>"));
        WriteChunk(png, "eXIf", [.. "MM\0*\0\0\0\u0008\0\0"u8, .. Encoding.ASCII.GetBytes(SecretMarker)]);
        png.Write(plain.AsSpan(8 + 25));
        return png.ToArray();
    }

    /// <summary>What a metadata-carrying test picture hides: re-encoded bytes must not contain it.</summary>
    public const string SecretMarker = "GPSLatitude 48.8584 N secret";

    /// <summary>A real JPEG (encoded by SkiaSharp) with an APP1 Exif segment holding <see cref="SecretMarker"/>.</summary>
    public static byte[] JpegWithExif(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        bitmap.Erase(new SkiaSharp.SKColor(200, 120, 40));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90);
        var jpeg = encoded.ToArray();
        byte[] exif = [.. "Exif\0\0MM\0*\0\0\0\u0008\0\0"u8, .. Encoding.ASCII.GetBytes(SecretMarker)];
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A one-colour PNG encoded by SkiaSharp: tiny in bytes even when large in pixels.</summary>
    public static byte[] SolidPng(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        bitmap.Erase(new SkiaSharp.SKColor(90, 160, 90));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    /// <summary>
    /// A JPEG whose EXIF says to turn it a quarter clockwise (orientation 6, as phones write): the left half red, the
    /// right half blue, so once turned the top is red and the bottom blue.
    /// </summary>
    public static byte[] JpegTurnedByExif(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            using var red = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(220, 20, 20) };
            using var blue = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(20, 20, 220) };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 95);
        var jpeg = encoded.ToArray();
        // Exif, a big-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT, 1 value, 6; no next IFD.
        var exif = Convert.FromHexString("457869660000" + "4D4D002A00000008" + "0001" + "011200030000000100060000" + "00000000");
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A real lossy WebP encoded by SkiaSharp.</summary>
    public static byte[] WebP(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        bitmap.Erase(new SkiaSharp.SKColor(40, 120, 200));
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SkiaSharp.SKEncodedImageFormat.Webp, 80);
        return encoded.ToArray();
    }

    private static void WriteUInt24(Span<byte> bytes, int value)
    {
        bytes[0] = (byte)value;
        bytes[1] = (byte)(value >> 8);
        bytes[2] = (byte)(value >> 16);
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = typeAndData.Aggregate(0xFFFFFFFFu, (c, b) => CrcTable[(c ^ b) & 0xFF] ^ (c >> 8)) ^ 0xFFFFFFFFu;
        var crcBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc);
        png.Write(crcBytes);
    }
}
