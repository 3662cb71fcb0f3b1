using System.Text;
using Chat.Domain;
using Chat.Domain.Attachments;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

/// <summary>Uploads, sending with files, downloads and their access, deleting, limits and the sweep (issue 16, 1 to 5).</summary>
public sealed class AttachmentTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UploadAsync_ByEachActor_OnlyMembersMayUpload(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            (_, userId) => UploadAsync(db, userId, cast.ChannelId, "notes.pdf", Pdf));

        await using var context = await db.CreateContextAsync();
        Assert.Equal(3, await context.Attachments.CountAsync(a => a.MessageId == null));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetFileAsync_ByEachActor_OnlyWhoMayReadTheChannel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var files = db.Get<AttachmentService>();
        // The member is the author; owner and admin are other members.
        var (_, picture) = await SendWithFileAsync(db, cast.Member.Id, cast.ChannelId, "photo.png", TestImages.Png(40, 30));

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            async (_, userId) =>
            {
                var file = await files.GetFileAsync(userId, picture.Id);
                var thumbnail = await files.GetFileAsync(userId, picture.Id, thumbnail: true);
                Assert.Equal(("image/png", AttachmentKind.Picture), (file.ContentType, file.Kind));
                Assert.NotEmpty(thumbnail.Bytes);
            });
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetFileAsync_RemovedOrLeftMember_IsRefusedAtOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var files = db.Get<AttachmentService>();
        var communities = db.Get<CommunityService>();
        var (_, file) = await SendWithFileAsync(db, cast.Owner.Id, cast.ChannelId, "notes.pdf", Pdf);
        Assert.Equal(Pdf, (await files.GetFileAsync(cast.Member.Id, file.Id)).Bytes);
        Assert.Equal(Pdf, (await files.GetFileAsync(cast.Admin.Id, file.Id)).Bytes);

        await communities.KickAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id);
        await communities.LeaveAsync(cast.Admin.Id, cast.CommunityId);

        var removed = await Record.ExceptionAsync(() => files.GetFileAsync(cast.Member.Id, file.Id));
        var left = await Record.ExceptionAsync(() => files.GetFileAsync(cast.Admin.Id, file.Id));
        Assert.Equal(nameof(DomainErrors.NotAMember), Assert.IsType<ForbiddenException>(removed).Error.Code);
        Assert.Equal(nameof(DomainErrors.NotAMember), Assert.IsType<ForbiddenException>(left).Error.Code);
        Assert.Equal(Pdf, (await files.GetFileAsync(cast.Owner.Id, file.Id)).Bytes);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetFileAsync_PendingUpload_OnlyItsUploaderSeesIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var files = db.Get<AttachmentService>();
        var pending = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "draft.pdf", Pdf);

        var mine = await files.GetFileAsync(cast.Member.Id, pending.Id);
        var other = await Record.ExceptionAsync(() => files.GetFileAsync(cast.Owner.Id, pending.Id));

        Assert.Equal(Pdf, mine.Bytes);
        Assert.IsType<NotFoundException>(other);
        Assert.IsType<NotFoundException>(await Record.ExceptionAsync(() => files.GetFileAsync(cast.Member.Id, pending.Id + 1000)));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_FilesWithoutText_IsAMessageEveryMemberSeesWithItsFiles(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var picture = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "C:\\Users\\mia\\holiday.png", TestImages.Png(64, 48));
        var document = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "notes.pdf", Pdf);

        var sent = await db.Get<MessageService>().SendAsync(cast.Member.Id, cast.ChannelId, "  ", Guid.NewGuid(), [document.Id, picture.Id]);

        Assert.Equal("", sent.Content);
        Assert.Equal(
            [("holiday.png", "image/png", AttachmentKind.Picture, (int?)64, (int?)48), ("notes.pdf", "application/pdf", AttachmentKind.File, null, null)],
            sent.Attachments.Select(a => (a.FileName, a.ContentType, a.Kind, a.Width, a.Height)));
        Assert.Equal(Pdf.Length, sent.Attachments[1].Size);
        var seen = Assert.Single(await db.Get<MessageService>().GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Owner.Id));
        Assert.Equal(sent.Attachments, seen.Attachments);
        Assert.Equal(sent, seen);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_SomeoneElsesOrAnAlreadySentUpload_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var owners = await UploadAsync(db, cast.Owner.Id, cast.ChannelId, "owner.pdf", Pdf);
        var (_, sent) = await SendWithFileAsync(db, cast.Member.Id, cast.ChannelId, "sent.pdf", Pdf);
        var before = await DatabaseSnapshot.TakeAsync(db);

        var stolen = await Record.ExceptionAsync(() => messages.SendAsync(cast.Member.Id, cast.ChannelId, "mine now", Guid.NewGuid(), [owners.Id]));
        var again = await Record.ExceptionAsync(() => messages.SendAsync(cast.Member.Id, cast.ChannelId, "again", Guid.NewGuid(), [sent.Id]));
        var byOutsider = await Record.ExceptionAsync(() => messages.SendAsync(cast.NonMember.Id, cast.ChannelId, "", Guid.NewGuid(), [owners.Id]));

        Assert.IsType<NotFoundException>(stolen);
        Assert.IsType<NotFoundException>(again);
        Assert.IsType<ForbiddenException>(byOutsider);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "no send was allowed");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_MoreFilesThanAllowed_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, services =>
        {
            WriteLimits.Unlimited(services);
            services.Configure<AttachmentOptions>(o => o.MaxFilesPerMessage = 2);
        });
        var cast = await Cast.CreateAsync(db);
        List<long> ids = [];
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await UploadAsync(db, cast.Member.Id, cast.ChannelId, $"part{i}.pdf", Pdf)).Id);
        }

        var before = await DatabaseSnapshot.TakeAsync(db);

        var refused = await Record.ExceptionAsync(() => db.Get<MessageService>().SendAsync(cast.Member.Id, cast.ChannelId, "three", Guid.NewGuid(), ids));

        Assert.True(refused is ValidationException { Code: nameof(DomainErrors.TooManyAttachments) }, refused?.Message);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "three files are one too many");
        Assert.Equal(2, (await db.Get<MessageService>().SendAsync(cast.Member.Id, cast.ChannelId, "two", Guid.NewGuid(), ids[..2])).Attachments.Count);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_MessageWithFiles_DeletesTheFilesAndTheirBytes(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var (message, file) = await SendWithFileAsync(db, cast.Member.Id, cast.ChannelId, "photo.png", TestImages.Png(20, 20));
        var (_, other) = await SendWithFileAsync(db, cast.Member.Id, cast.ChannelId, "keep.pdf", Pdf);

        await db.Get<MessageService>().DeleteAsync(cast.Member.Id, message.Id);

        await using var context = await db.CreateContextAsync();
        Assert.Equal([other.Id], await context.Attachments.Select(a => a.Id).ToListAsync());
        Assert.Equal([other.Id], await context.AttachmentContents.Select(c => c.AttachmentId).ToListAsync());
        Assert.IsType<NotFoundException>(await Record.ExceptionAsync(() => db.Get<AttachmentService>().GetFileAsync(cast.Member.Id, file.Id)));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UploadAsync_OtherFile_IsKeptAsItIsWithATypeFromItsExtension(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

        var pdf = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "report.pdf", Pdf, "application/x-whatever");
        var page = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "page\u202Efdp.html", html, "text/html");

        Assert.Equal(("report.pdf", "application/pdf", AttachmentKind.File), (pdf.FileName, pdf.ContentType, pdf.Kind));
        // An HTML page is only ever a download, never a page of Chat's: its type is not believed.
        Assert.Equal(("pagefdp.html", "application/octet-stream", AttachmentKind.File), (page.FileName, page.ContentType, page.Kind));
        Assert.Equal(html, (await db.Get<AttachmentService>().GetFileAsync(cast.Member.Id, page.Id)).Bytes);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UploadAsync_Pictures_AreReEncodedWithoutMetadataBoundedAndThumbnailed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, services =>
        {
            WriteLimits.Unlimited(services);
            services.Configure<AttachmentOptions>(o => o.MaxPictureSide = 500);
        });
        var cast = await Cast.CreateAsync(db);
        var files = db.Get<AttachmentService>();

        var png = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "wide.png", TestImages.PngWithMetadata(1000, 250));
        var jpeg = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "photo.jpeg", TestImages.JpegWithExif(64, 64));
        var webp = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "sticker.webp", TestImages.WebP(30, 20));
        var gif = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "dot.gif", Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="));

        Assert.Equal(("wide.png", "image/png", 500, 125), (png.FileName, png.ContentType, png.Width, png.Height));
        Assert.Equal(("photo.jpeg", "image/jpeg", 64, 64), (jpeg.FileName, jpeg.ContentType, jpeg.Width, jpeg.Height));
        Assert.Equal(("sticker.webp", "image/webp", 30, 20), (webp.FileName, webp.ContentType, webp.Width, webp.Height));
        // Skia has no GIF encoder: the first frame, as PNG, under a name that says so.
        Assert.Equal(("dot.png", "image/png", 1, 1), (gif.FileName, gif.ContentType, gif.Width, gif.Height));
        foreach (var picture in new[] { png, jpeg, webp, gif })
        {
            var stored = await files.GetFileAsync(cast.Member.Id, picture.Id);
            var thumbnail = await files.GetFileAsync(cast.Member.Id, picture.Id, thumbnail: true);
            Assert.Equal(picture.Size, stored.Bytes.Length);
            foreach (var bytes in new[] { stored.Bytes, thumbnail.Bytes })
            {
                var text = Encoding.Latin1.GetString(bytes);
                Assert.DoesNotContain(TestImages.SecretMarker, text, StringComparison.Ordinal);
                Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
            }

            using var small = SkiaSharp.SKBitmap.Decode(thumbnail.Bytes);
            Assert.True(Math.Max(small.Width, small.Height) <= AttachmentService.ThumbnailSide, $"{picture.FileName}: {small.Width} x {small.Height}");
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UploadAsync_PhotoWithExifOrientation_IsStoredTurnedUpright(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);

        var photo = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "phone.jpg", TestImages.JpegTurnedByExif(80, 40));

        Assert.Equal((40, 80), (photo.Width, photo.Height));
        using var stored = SkiaSharp.SKBitmap.Decode((await db.Get<AttachmentService>().GetFileAsync(cast.Member.Id, photo.Id)).Bytes);
        Assert.Equal((40, 80), (stored.Width, stored.Height));
        var (top, bottom) = (stored.GetPixel(20, 10), stored.GetPixel(20, 70));
        Assert.True(top.Red > 150 && top.Blue < 100, $"the top is {top}, not red");
        Assert.True(bottom.Blue > 150 && bottom.Red < 100, $"the bottom is {bottom}, not blue");
    }

    public static TheoryData<string, string, string?, byte[], string> HostileUploads => new()
    {
        { "an HTML page renamed .png", "cute.png", "image/png",
            Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
            nameof(DomainErrors.AttachmentNotAPicture) },
        { "an SVG with a script", "logo.svg", "image/svg+xml",
            Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>"""),
            nameof(DomainErrors.AttachmentNotAPicture) },
        { "an SVG with a script and no type", "logo.svg", null,
            Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"""),
            nameof(DomainErrors.AttachmentNotAPicture) },
        { "a polyglot: a whole PNG with an HTML page after its end", "both.png", "image/png",
            [.. TestImages.Png(8, 8), .. Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")],
            nameof(DomainErrors.AttachmentNotAPicture) },
        { "a polyglot: a JPEG with a zip after its end, named .zip", "archive.zip", "application/zip",
            [.. TestImages.JpegWithExif(8, 8), .. "PK\u0003\u0004 not really a zip"u8],
            nameof(DomainErrors.AttachmentNotAPicture) },
        { "a decompression bomb: a small PNG declaring 50,000 x 50,000", "bomb.png", "image/png",
            TestImages.PngDeclaring(50_000, 50_000), nameof(DomainErrors.AttachmentPictureTooLarge) },
        { "a bomb under an innocent name", "readme.txt", "text/plain",
            TestImages.PngDeclaring(50_000, 50_000), nameof(DomainErrors.AttachmentPictureTooLarge) },
        { "a truncated PNG", "cut.png", "image/png", TestImages.Png(64, 64)[..^30], nameof(DomainErrors.AttachmentNotAPicture) },
        { "a truncated JPEG", "cut.jpg", "image/jpeg", TestImages.JpegWithExif(64, 64)[..^40], nameof(DomainErrors.AttachmentNotAPicture) },
        { "a PNG whose pixel data is cut but whose end chunk is there", "hollow.png", "image/png",
            TestImages.PngDeclaring(2000, 2000), nameof(DomainErrors.AttachmentNotAPicture) },
    };

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UploadAsync_HostileFiles_AreRefusedWithAClearErrorAndStoreNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var before = await DatabaseSnapshot.TakeAsync(db);

        foreach (var row in HostileUploads)
        {
            var (what, name, type, bytes, code) = ((string)row[0], (string)row[1], (string?)row[2], (byte[])row[3], (string)row[4]);

            var refused = await Record.ExceptionAsync(() => UploadAsync(db, cast.Member.Id, cast.ChannelId, name, bytes, type));

            Assert.True(refused is ValidationException { Field: "file" } e && e.Error.Code == code, $"{what}: {refused?.Message ?? "accepted"}");
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "every upload was hostile");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UploadAsync_EmptyOrTooBig_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, services =>
        {
            WriteLimits.Unlimited(services);
            services.Configure<AttachmentOptions>(o => o.MaxBytesPerFile = 2048);
        });
        var cast = await Cast.CreateAsync(db);
        var before = await DatabaseSnapshot.TakeAsync(db);

        var empty = await Record.ExceptionAsync(() => UploadAsync(db, cast.Member.Id, cast.ChannelId, "empty.txt", []));
        var big = await Record.ExceptionAsync(() => UploadAsync(db, cast.Member.Id, cast.ChannelId, "big.bin", new byte[2049]));

        Assert.True(empty is ValidationException { Code: nameof(DomainErrors.AttachmentEmpty) }, empty?.Message);
        Assert.True(big is ValidationException { Code: nameof(DomainErrors.AttachmentTooBig) }, big?.Message);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "nothing was acceptable");
        Assert.Equal(2048, (await UploadAsync(db, cast.Member.Id, cast.ChannelId, "exact.bin", new byte[2048])).Size);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UploadAsync_OverTheDailyLimit_IsRefusedUntilADayHasPassed(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync(provider, services =>
        {
            WriteLimits.Unlimited(services);
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<AttachmentOptions>(o => o.MaxFilesPerDay = 2);
        });
        var cast = await Cast.CreateAsync(db);
        await UploadAsync(db, cast.Member.Id, cast.ChannelId, "1.pdf", Pdf);
        await UploadAsync(db, cast.Member.Id, cast.ChannelId, "2.pdf", Pdf);
        var before = await DatabaseSnapshot.TakeAsync(db);

        var third = await Record.ExceptionAsync(() => UploadAsync(db, cast.Member.Id, cast.ChannelId, "3.pdf", Pdf));

        Assert.True(third is ValidationException { Code: nameof(DomainErrors.UploadLimitReached) }, third?.Message);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the day's allowance was used");
        // Another user has an allowance of their own; the member has one again a day later.
        await UploadAsync(db, cast.Owner.Id, cast.ChannelId, "owner.pdf", Pdf);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await UploadAsync(db, cast.Member.Id, cast.ChannelId, "3.pdf", Pdf);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SweepPendingAsync_DeletesOnlyOldUploadsThatWereNeverSent(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync(provider, services =>
        {
            WriteLimits.Unlimited(services);
            services.AddSingleton<TimeProvider>(clock);
            services.Configure<AttachmentOptions>(o => o.PendingLifetime = TimeSpan.FromHours(1));
        });
        var cast = await Cast.CreateAsync(db);
        var files = db.Get<AttachmentService>();
        var abandoned = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "abandoned.pdf", Pdf);
        var (_, sent) = await SendWithFileAsync(db, cast.Member.Id, cast.ChannelId, "sent.pdf", Pdf);
        clock.Advance(TimeSpan.FromMinutes(59));
        var recent = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "recent.pdf", Pdf);
        Assert.Equal(0, await files.SweepPendingAsync());

        clock.Advance(TimeSpan.FromMinutes(2));
        var swept = await files.SweepPendingAsync();

        Assert.Equal(1, swept);
        await using var context = await db.CreateContextAsync();
        Assert.Equal([sent.Id, recent.Id], await context.Attachments.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.Equal([sent.Id, recent.Id], await context.AttachmentContents.OrderBy(c => c.AttachmentId).Select(c => c.AttachmentId).ToListAsync());
        Assert.IsType<NotFoundException>(await Record.ExceptionAsync(() => files.GetFileAsync(cast.Member.Id, abandoned.Id)));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DiscardAsync_OnlyTheUploadersPendingUpload(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var files = db.Get<AttachmentService>();
        var pending = await UploadAsync(db, cast.Member.Id, cast.ChannelId, "oops.pdf", Pdf);
        var (_, sent) = await SendWithFileAsync(db, cast.Member.Id, cast.ChannelId, "sent.pdf", Pdf);
        var before = await DatabaseSnapshot.TakeAsync(db);

        Assert.IsType<NotFoundException>(await Record.ExceptionAsync(() => files.DiscardAsync(cast.Owner.Id, pending.Id)));
        Assert.IsType<NotFoundException>(await Record.ExceptionAsync(() => files.DiscardAsync(cast.Member.Id, sent.Id)));
        Assert.IsType<ForbiddenException>(await Record.ExceptionAsync(() => files.DiscardAsync(null, pending.Id)));
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "only the uploader may discard");

        await files.DiscardAsync(cast.Member.Id, pending.Id);

        await using var context = await db.CreateContextAsync();
        Assert.Equal([sent.Id], await context.AttachmentContents.Select(c => c.AttachmentId).ToListAsync());
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UploadAsync_AFileOfTheDefaultLimit_IsStoredAndReadBackWhole(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var bytes = new byte[new AttachmentOptions().MaxBytesPerFile];
        new Random(16).NextBytes(bytes);

        var (_, file) = await SendWithFileAsync(db, cast.Member.Id, cast.ChannelId, "big.bin", bytes);

        Assert.Equal(bytes, (await db.Get<AttachmentService>().GetFileAsync(cast.Owner.Id, file.Id)).Bytes);
    }

    internal static async Task<AttachmentView> UploadAsync(
        TestDatabase db, string? userId, int channelId, string name, byte[] bytes, string? type = null)
    {
        using var content = new MemoryStream(bytes);
        return await db.Get<AttachmentService>().UploadAsync(userId, channelId, name, type, content);
    }

    internal static async Task<(MessageView Message, AttachmentView File)> SendWithFileAsync(
        TestDatabase db, string userId, int channelId, string name, byte[] bytes)
    {
        var file = await UploadAsync(db, userId, channelId, name, bytes);
        var message = await db.Get<MessageService>().SendAsync(userId, channelId, "", Guid.NewGuid(), [file.Id]);
        return (message, Assert.Single(message.Attachments));
    }
}
