using Chat.Domain.Profiles;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

public sealed class ImageSizeTests
{
    public static TheoryData<string, byte[], int, int> Declared => new()
    {
        { "PNG", TestImages.PngDeclaring(20_000, 20_000), 20_000, 20_000 },
        { "real PNG", TestImages.Png(3, 2), 3, 2 },
        { "JPEG", TestImages.JpegDeclaring(1025, 7), 1025, 7 },
        { "GIF", TestImages.GifDeclaring(640, 65_535), 640, 65_535 },
        { "lossy WebP", TestImages.WebPDeclaring("VP8 ", 16_383, 300), 16_383, 300 },
        { "lossless WebP", TestImages.WebPDeclaring("VP8L", 2, 16_384), 2, 16_384 },
        { "extended WebP", TestImages.WebPDeclaring("VP8X", 16_777_216, 5), 16_777_216, 5 },
    };

    [Theory]
    [MemberData(nameof(Declared))]
    public void Of_EachFormat_ReadsTheDeclaredSizeFromTheHeader(string format, byte[] image, int width, int height)
    {
        Assert.Equal(new ImageSize(width, height), ImageSize.Of(image));
        Assert.NotNull(format);
    }

    [Fact]
    public void Of_JpegWithoutAFrameHeaderOrAZeroSide_IsNull()
    {
        var noFrame = Convert.FromHexString("FFD8" + "FFE000104A46494600010100000100010000" + "FFD9");

        Assert.Null(ImageSize.Of(noFrame));
        Assert.Null(ImageSize.Of(TestImages.JpegDeclaring(0, 10)));
        Assert.Null(ImageSize.Of(TestImages.GifDeclaring(10, 0)));
        Assert.Null(ImageSize.Of("<svg/>"u8));
    }
}
