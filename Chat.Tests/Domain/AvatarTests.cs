using System.Text;
using Chat.Domain.Data;
using Chat.Domain.Profiles;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Domain;

public sealed class AvatarTests
{
    /// <summary>A 1×1 RGB PNG: signature, IHDR, one zlib IDAT, IEND, every chunk with its CRC.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    /// <summary>
    /// A 1×1 grey baseline JPEG built by hand: SOI, a quantization table of ones, SOF0, one-symbol DC and AC
    /// Huffman tables, a scan of "DC 0, end of block", EOI.
    /// </summary>
    private static readonly byte[] Jpeg = Convert.FromHexString(
        "FFD8" + "FFDB004300" + string.Concat(Enumerable.Repeat("01", 64))
        + "FFC0000B080001000101011100"
        + "FFC400140001" + string.Concat(Enumerable.Repeat("00", 15)) + "00"
        + "FFC400141001" + string.Concat(Enumerable.Repeat("00", 15)) + "00"
        + "FFDA000801010000003F00" + "3F"
        + "FFD9");

    /// <summary>The classic 43-byte 1×1 transparent GIF89a.</summary>
    private static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    /// <summary>A 1×1 lossless WebP (RIFF size 26, VP8L bitstream).</summary>
    private static readonly byte[] WebP = Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    public static TheoryData<string, byte[]> NotImages => new()
    {
        { "an empty file", [] },
        { "an SVG with a script", Encoding.UTF8.GetBytes(
            """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>""") },
        { "an HTML page called avatar.png", Encoding.UTF8.GetBytes(
            "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>") },
        { "a PNG signature followed by HTML", [.. Png[..8], .. Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")] },
        { "a PNG signature, HTML, then a PNG's last chunk", [
            .. Png[..8], .. Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), .. Png[^12..]] },
        { "a PNG cut before IEND", Png[..^12] },
        { "a PNG cut in its last byte", Png[..^1] },
        { "a PNG over 512 KB", Oversized() },
    };

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetAvatarAsync_RealPngJpegGifAndWebP_StoresEachReEncodedWithItsTypeAndANewVersion(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var profiles = db.Get<ProfileService>();
        // Re-encoded by the server (Pictures/PictureDecoder): Skia has no GIF encoder, so a GIF is kept as PNG.
        (byte[] Bytes, string ContentType)[] images =
            [(Png, "image/png"), (Jpeg, "image/jpeg"), (Gif, "image/png"), (WebP, "image/webp")];

        for (var i = 0; i < images.Length; i++)
        {
            var version = await profiles.SetAvatarAsync(user.Id, images[i].Bytes);

            Assert.Equal(i + 1, version);
            var stored = await profiles.GetAvatarAsync(user.Id);
            Assert.NotNull(stored);
            Assert.Equal((images[i].ContentType, i + 1), (stored.ContentType, stored.Version));
            using var decoded = SkiaSharp.SKBitmap.Decode(stored.Bytes);
            Assert.Equal((1, 1), (decoded.Width, decoded.Height));
            Assert.Equal(i + 1, (await profiles.GetAsync(user.Id)).AvatarVersion);
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetAvatarAsync_ExactlyTheLimit_IsAccepted(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var largest = PngOfLength(UserAvatar.MaxBytes);

        var version = await db.Get<ProfileService>().SetAvatarAsync(user.Id, largest);

        // Stored re-encoded, without the padding chunk: far smaller than what came.
        Assert.Equal(1, version);
        Assert.InRange((await db.Get<ProfileService>().GetAvatarAsync(user.Id))!.Bytes.Length, 1, UserAvatar.MaxBytes - 1);
    }

    public static TheoryData<string, byte[]> TooManyPixels => new()
    {
        { "a 48 KB-class PNG of 20,000 x 20,000", TestImages.PngDeclaring(20_000, 20_000) },
        { "a PNG one pixel too wide", TestImages.PngDeclaring(UserAvatar.MaxSide + 1, 1) },
        { "a JPEG one pixel too high", TestImages.JpegDeclaring(1, UserAvatar.MaxSide + 1) },
        { "a GIF of 65,535 x 65,535", TestImages.GifDeclaring(65_535, 65_535) },
        { "a lossy WebP of 16,383 x 16,383", TestImages.WebPDeclaring("VP8 ", 16_383, 16_383) },
        { "a lossless WebP of 16,384 x 2", TestImages.WebPDeclaring("VP8L", 16_384, 2) },
        { "an extended WebP of 20,000 x 20,000", TestImages.WebPDeclaring("VP8X", 20_000, 20_000) },
    };

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetAvatarAsync_DeclaringMorePixelsThanTheCap_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var profiles = db.Get<ProfileService>();
        await profiles.SetAvatarAsync(user.Id, Gif);
        var before = await DatabaseSnapshot.TakeAsync(db);

        foreach (var row in TooManyPixels)
        {
            var (what, bytes) = ((string)row[0], (byte[])row[1]);
            Assert.True(ImageSniffer.ContentTypeOf(bytes) is not null, $"{what} is not even a whole image");

            var refused = await Record.ExceptionAsync(() => profiles.SetAvatarAsync(user.Id, bytes));

            Assert.True(refused is ValidationException { Field: "avatar", Code: nameof(DomainErrors.AvatarTooLarge) } e
                && Equals(e.Error.Arguments[0], UserAvatar.MaxSide),
                $"{what}: {refused?.Message ?? "accepted"}");
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "no picture was small enough");
        Assert.Equal(("image/png", 1), ((await profiles.GetAvatarAsync(user.Id))!.ContentType, (await profiles.GetAsync(user.Id)).AvatarVersion));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetAvatarAsync_DeclaringExactlyTheCap_IsAccepted(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");

        var version = await db.Get<ProfileService>().SetAvatarAsync(user.Id, TestImages.SolidPng(UserAvatar.MaxSide, UserAvatar.MaxSide));

        Assert.Equal(1, version);
    }

    [Fact]
    public void ImageSniffer_EveryNonImage_IsNotRecognized()
    {
        foreach (var row in NotImages)
        {
            var (what, bytes) = ((string)row[0], (byte[])row[1]);
            if (bytes.Length <= UserAvatar.MaxBytes)
            {
                Assert.True(ImageSniffer.ContentTypeOf(bytes) is null, $"{what} was taken for an image");
            }
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetAvatarAsync_NotAWholeImage_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var fresh = await db.CreateUserAsync("fresh");
        var pictured = await db.CreateUserAsync("pictured");
        var profiles = db.Get<ProfileService>();
        await profiles.SetAvatarAsync(pictured.Id, Gif);
        var before = await DatabaseSnapshot.TakeAsync(db);

        foreach (var row in NotImages)
        {
            var (what, bytes) = ((string)row[0], (byte[])row[1]);
            foreach (var user in new[] { fresh, pictured })
            {
                var refused = await Record.ExceptionAsync(() => profiles.SetAvatarAsync(user.Id, bytes));

                Assert.True(refused is ValidationException { Field: "avatar" }, $"{what}: {refused?.GetType().Name ?? "accepted"}");
            }
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "no upload was an image");
        Assert.Null(await profiles.GetAvatarAsync(fresh.Id));
        Assert.Equal(0, (await profiles.GetAsync(fresh.Id)).AvatarVersion);
        Assert.Equal(("image/png", 1), ((await profiles.GetAvatarAsync(pictured.Id))!.ContentType, (await profiles.GetAsync(pictured.Id)).AvatarVersion));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetAvatarAsync_Anonymous_IsForbidden(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var profiles = db.Get<ProfileService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.SetAvatarAsync(null, Png));
        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.RemoveAvatarAsync(null));

        await using var context = await db.CreateContextAsync();
        Assert.False(await context.Avatars.AnyAsync());
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task RemoveAvatarAsync_DeletesThePicture(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var profiles = db.Get<ProfileService>();
        await profiles.SetAvatarAsync(user.Id, Png);

        await profiles.RemoveAvatarAsync(user.Id);

        Assert.Null(await profiles.GetAvatarAsync(user.Id));
        Assert.True((await profiles.GetAsync(user.Id)).AvatarVersion <= 0);
        // The next picture gets a URL never used before, so no browser shows the old one from its cache.
        Assert.Equal(2, await profiles.SetAvatarAsync(user.Id, Png));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task AvatarChanges_PublishUserProfileChangedToTheUsersServers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var profiles = db.Get<ProfileService>();
        using var events = new EventRecorder(db.Get<ChatHub>(), Topics.Community(cast.CommunityId));

        await profiles.SetAvatarAsync(cast.Member.Id, Png);
        await profiles.SetAvatarAsync(cast.Member.Id, WebP);
        await profiles.RemoveAvatarAsync(cast.Member.Id);

        Assert.Equal([1, 2, -2], events.Of<UserProfileChanged>().Select(e => e.AvatarVersion));
        Assert.All(events.Of<UserProfileChanged>(), e => Assert.Equal((cast.Member.Id, "mia"), (e.UserId, e.DisplayName)));
    }

    /// <summary>A whole PNG padded to <paramref name="length"/> bytes with a private ancillary chunk before IEND.</summary>
    private static byte[] PngOfLength(int length)
    {
        var padding = length - Png.Length - 12;
        var chunk = new byte[12 + padding];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, padding);
        "zzZz"u8.CopyTo(chunk.AsSpan(4));
        var crc = Crc32(chunk.AsSpan(4, 4 + padding));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + padding), crc);
        return [.. Png[..^12], .. chunk, .. Png[^12..]];
    }

    private static byte[] Oversized() => PngOfLength(UserAvatar.MaxBytes + 1);

    /// <summary>The CRC-32 that PNG chunks carry (ISO 3309, reflected, polynomial 0xEDB88320).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
