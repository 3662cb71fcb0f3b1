using System.Text;
using Chat.Domain.Profiles;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

public sealed class ImageSnifferTests
{
    [Theory]
    [InlineData("89504E470D0A1A0A0000000D")]
    [InlineData("FFD8FFE000104A4649460001")]
    [InlineData("474946383961010001000000")]
    [InlineData("52494646240000005745425056503820")]
    public void HasImageSignature_PngJpegGifOrWebPHeader_IsTrue(string hex)
    {
        Assert.True(ImageSniffer.HasImageSignature(Convert.FromHexString(hex)));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("<!DOCTYPE html><html>")]
    [InlineData("RIFF....AVI LIST")]
    [InlineData("")]
    public void HasImageSignature_SvgHtmlOrOtherFile_IsFalse(string text)
    {
        Assert.False(ImageSniffer.HasImageSignature(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void ContentTypeOf_WholePng_IsImagePngAndACutOffOneIsRefused()
    {
        var png = TestImages.Png(3, 2);

        Assert.Equal("image/png", ImageSniffer.ContentTypeOf(png));
        Assert.Null(ImageSniffer.ContentTypeOf(png.AsSpan(0, png.Length - 4)));
    }
}
