using System.Net;
using System.Text;
using Chat.Domain.Attachments;
using Chat.Domain.Communities;
using Chat.Domain.Messages;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>/files and /thumbnails: who may read, and how a file is served so that it cannot run in Chat's origin.</summary>
public sealed class AttachmentEndpointTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");

    [Fact]
    public async Task Get_OtherFile_DownloadsAsAnAttachmentWithItsStoredTypeNosniffAndASandbox()
    {
        var (owner, community) = await CommunityWithOwnerAsync();
        var file = await SendFileAsync(owner.Id, community.FirstChannelId!.Value, "report final.pdf", Pdf);
        var reader = await MemberClientAsync(community.Id);

        using var response = await reader.Client.GetAsync($"/files/{file.Id}/{Uri.EscapeDataString(file.FileName)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("report final.pdf", disposition.FileNameStar ?? disposition.FileName?.Trim('"'));
        AssertLockedDown(response);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_Picture_ShowsInlineWithItsStoredTypeAndTheThumbnailToo()
    {
        var (owner, community) = await CommunityWithOwnerAsync();
        var file = await SendFileAsync(owner.Id, community.FirstChannelId!.Value, "photo.png", TestImages.Png(400, 200));
        var reader = await MemberClientAsync(community.Id);

        using var picture = await reader.Client.GetAsync($"/files/{file.Id}/photo.png");
        using var thumbnail = await reader.Client.GetAsync($"/thumbnails/{file.Id}");

        foreach (var response in new[] { picture, thumbnail })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            Assert.NotEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            AssertLockedDown(response);
        }

        using var small = SkiaSharp.SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync());
        Assert.Equal((AttachmentService.ThumbnailSide, AttachmentService.ThumbnailSide / 2), (small.Width, small.Height));
    }

    [Fact]
    public async Task Get_NonMember_GetsTheSame404AsForNothing()
    {
        var (owner, community) = await CommunityWithOwnerAsync();
        var file = await SendFileAsync(owner.Id, community.FirstChannelId!.Value, "secret.pdf", Pdf);
        var outsider = await app.CreateLoggedInClientAsync("outsider");
        using var client = outsider.Client;

        using var guessed = await client.GetAsync($"/files/{file.Id}/secret.pdf");
        using var guessedThumbnail = await client.GetAsync($"/thumbnails/{file.Id}");
        using var nothing = await client.GetAsync($"/files/{file.Id + 100_000}/secret.pdf");

        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guessedThumbnail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        Assert.DoesNotContain("%PDF", await guessed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToLogin()
    {
        var (owner, community) = await CommunityWithOwnerAsync();
        var file = await SendFileAsync(owner.Id, community.FirstChannelId!.Value, "secret.pdf", Pdf);
        using var anonymous = app.CreateBrowserClient();

        using var response = await anonymous.GetAsync($"/files/{file.Id}/secret.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Get_RemovedMember_IsRefusedOnTheNextRequest()
    {
        var (owner, community) = await CommunityWithOwnerAsync();
        var file = await SendFileAsync(owner.Id, community.FirstChannelId!.Value, "minutes.pdf", Pdf);
        var member = await MemberClientAsync(community.Id);
        using (var before = await member.Client.GetAsync($"/files/{file.Id}/minutes.pdf"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await app.Services.GetRequiredService<CommunityService>().KickAsync(owner.Id, community.Id, member.UserId);

        using var after = await member.Client.GetAsync($"/files/{file.Id}/minutes.pdf");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    private static void AssertLockedDown(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true }, response.Headers.CacheControl?.ToString());
    }

    private async Task<(Chat.Domain.Users.ChatUser Owner, CommunitySummary Community)> CommunityWithOwnerAsync()
    {
        var owner = await app.CreateUserWithoutPasswordAsync("owner");
        var community = await app.Services.GetRequiredService<CommunityService>()
            .CreateAsync(owner.Id, $"Files {Guid.NewGuid():N}"[..20], null, isPublic: true);
        return (owner, community);
    }

    private async Task<(HttpClient Client, string UserId)> MemberClientAsync(int communityId)
    {
        var session = await app.CreateLoggedInClientAsync("reader");
        var user = (await app.FindUserAsync(session.Account.UserName))!;
        await app.Services.GetRequiredService<CommunityService>().JoinAsync(user.Id, communityId);
        return (session.Client, user.Id);
    }

    private async Task<AttachmentView> SendFileAsync(string userId, int channelId, string name, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        var file = await app.Services.GetRequiredService<AttachmentService>().UploadAsync(userId, channelId, name, null, content);
        var message = await app.Services.GetRequiredService<MessageService>().SendAsync(userId, channelId, "", Guid.NewGuid(), [file.Id]);
        return Assert.Single(message.Attachments);
    }
}
