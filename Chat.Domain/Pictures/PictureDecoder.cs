using Chat.Domain.Profiles;
using SkiaSharp;

namespace Chat.Domain.Pictures;

/// <summary>How big a picture may be: what its header may declare, and what is kept after re-encoding.</summary>
/// <param name="MaxDeclaredSide">The most pixels a side may declare; more is refused before anything is decoded.</param>
/// <param name="MaxDeclaredPixels">The most pixels in all (width × height) a header may declare, for the same reason.</param>
/// <param name="MaxStoredSide">A larger picture is scaled down to this many pixels on its longer side.</param>
/// <param name="ThumbnailSide">The thumbnail's longer side; null makes no thumbnail.</param>
public sealed record PictureLimits(int MaxDeclaredSide, long MaxDeclaredPixels, int MaxStoredSide, int? ThumbnailSide);

/// <summary>A picture as Chat stores it: re-encoded, so nothing of the upload but its pixels survives.</summary>
public sealed record DecodedPicture(byte[] Bytes, string ContentType, int Width, int Height, byte[]? Thumbnail);

/// <summary>An upload that is not a picture Chat keeps; the caller turns it into its own words.</summary>
public sealed class PictureRefusedException(PictureRefusal refusal, ImageSize declared)
    : Exception($"{refusal}: {declared.Width} x {declared.Height}")
{
    public PictureRefusal Refusal { get; } = refusal;

    /// <summary>The size the header declared, when it could be read.</summary>
    public ImageSize Declared { get; } = declared;
}

/// <summary>Why an upload is not a picture Chat keeps.</summary>
public enum PictureRefusal
{
    /// <summary>Not a whole PNG, JPEG, GIF or WebP file that decodes (HTML, SVG, a polyglot, a cut-off file...).</summary>
    NotAPicture,

    /// <summary>Its header declares more pixels than the limits allow (a decompression bomb, or just too large).</summary>
    TooLarge,
}

/// <summary>
/// The one way into Chat for a picture, avatars and attachments alike. In order, each step refusing before the next:
/// the file must be a whole PNG, JPEG, GIF or WebP with nothing after its end (<see cref="ImageSniffer"/>: a page
/// hidden behind a picture is refused); the size its header declares is checked before any pixel is decoded (a 50 KB
/// PNG may declare 50,000 × 50,000 pixels, 10 GB once decoded); SkiaSharp must decode every pixel; then the pixels
/// alone are encoded again, so EXIF, GPS positions, comments and any script in a chunk are gone, and the result is
/// scaled down to a bounded size. GIF has no encoder in Skia: its first frame is kept, as PNG.
/// </summary>
public static class PictureDecoder
{
    private const int Quality = 85;

    /// <summary>The re-encoded picture; throws <see cref="PictureRefusedException"/> for anything else.</summary>
    public static DecodedPicture Decode(byte[] bytes, PictureLimits limits)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(limits);
        var sniffed = ImageSniffer.ContentTypeOf(bytes);
        if (sniffed is null || ImageSize.Of(bytes) is not { } declared)
        {
            throw new PictureRefusedException(PictureRefusal.NotAPicture, default);
        }

        RequireWithin(declared, limits);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            throw new PictureRefusedException(PictureRefusal.NotAPicture, declared);
        }

        // Skia reads the header its own way (a JPEG may hold several frame headers): its reading must fit too.
        RequireWithin(new ImageSize(codec.Info.Width, codec.Info.Height), limits);

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        // Anything but a whole decode (a cut-off scan, a broken chunk) is refused, not stored half grey.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            throw new PictureRefusedException(PictureRefusal.NotAPicture, declared);
        }

        // The camera's EXIF orientation goes with the metadata, so it is applied to the pixels first.
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var source = upright ?? decoded;
        var (format, contentType) = sniffed switch
        {
            "image/jpeg" => (SKEncodedImageFormat.Jpeg, "image/jpeg"),
            "image/webp" => (SKEncodedImageFormat.Webp, "image/webp"),
            _ => (SKEncodedImageFormat.Png, "image/png"),
        };
        using var stored = ScaleDown(source, limits.MaxStoredSide);
        var picture = Encode(stored ?? source, format);
        byte[]? thumbnail = null;
        if (limits.ThumbnailSide is { } side)
        {
            using var small = ScaleDown(stored ?? source, side);
            thumbnail = Encode(small ?? stored ?? source, format);
        }

        if (picture is null || (limits.ThumbnailSide is not null && thumbnail is null))
        {
            throw new PictureRefusedException(PictureRefusal.NotAPicture, declared);
        }

        var final = stored ?? source;
        return new DecodedPicture(picture, contentType, final.Width, final.Height, thumbnail);
    }

    private static void RequireWithin(ImageSize size, PictureLimits limits)
    {
        if (size.Width > limits.MaxDeclaredSide || size.Height > limits.MaxDeclaredSide
            || (long)size.Width * size.Height > limits.MaxDeclaredPixels)
        {
            throw new PictureRefusedException(PictureRefusal.TooLarge, size);
        }
    }

    /// <summary>The pixels turned the way the EXIF orientation says, or null when they already are.</summary>
    private static SKBitmap? Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft || !Enum.IsDefined(origin))
        {
            return null;
        }

        var (w, h) = (bitmap.Width, bitmap.Height);
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var turned = new SKBitmap(new SKImageInfo(sideways ? h : w, sideways ? w : h, bitmap.ColorType, bitmap.AlphaType));
        using var canvas = new SKCanvas(turned);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: // mirrored
                canvas.Translate(w, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight: // upside down
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft: // mirrored upside down
                canvas.Translate(0, h);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop: // transposed
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop: // a quarter turn clockwise
                canvas.Translate(h, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom: // transversed
                canvas.Translate(h, w);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.LeftBottom: // a quarter turn anticlockwise
                canvas.Translate(0, w);
                canvas.RotateDegrees(270);
                break;
        }

        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return turned;
    }

    /// <summary>A copy no larger than <paramref name="maxSide"/> on its longer side, or null when it already fits.</summary>
    private static SKBitmap? ScaleDown(SKBitmap bitmap, int maxSide)
    {
        var longer = Math.Max(bitmap.Width, bitmap.Height);
        if (longer <= maxSide)
        {
            return null;
        }

        var scale = (double)maxSide / longer;
        var info = new SKImageInfo(
            Math.Max(1, (int)Math.Round(bitmap.Width * scale)), Math.Max(1, (int)Math.Round(bitmap.Height * scale)),
            bitmap.ColorType, bitmap.AlphaType);
        return bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    private static byte[]? Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, Quality);
        return encoded?.ToArray();
    }
}
