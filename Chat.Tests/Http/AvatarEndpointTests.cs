using System.Net;
using Chat.Domain.Profiles;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

public sealed class AvatarEndpointTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    private ProfileService Profiles => app.Services.GetRequiredService<ProfileService>();

    [Fact]
    public async Task Get_CurrentVersion_ServesStoredBytesAsImageWithNosniffAndLongPrivateCaching()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;
        var user = (await app.FindUserAsync(session.Account.UserName))!;
        var png = TestImages.Png(16, 16);
        var version = await Profiles.SetAvatarAsync(user.Id, png);

        using var response = await client.GetAsync($"/avatars/{user.Id}/{version}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        // Private: a shared cache (proxy, CDN) must not keep a picture that only logged-in users may see.
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Private);
        Assert.False(cacheControl.Public);
        Assert.Equal(TimeSpan.FromDays(365), cacheControl.MaxAge);
        Assert.Contains("immutable", cacheControl.ToString(), StringComparison.Ordinal);
        Assert.Equal((await Profiles.GetAvatarAsync(user.Id))!.Bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_ReplacedVersion_RedirectsToTheCurrentOneWithoutLongCaching()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;
        var user = (await app.FindUserAsync(session.Account.UserName))!;
        var old = await Profiles.SetAvatarAsync(user.Id, TestImages.Png(16, 16));
        var current = await Profiles.SetAvatarAsync(user.Id, TestImages.Png(8, 8));

        using var response = await client.GetAsync($"/avatars/{user.Id}/{old}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/avatars/{user.Id}/{current}", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UserWithoutPicture_Returns404()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;
        var user = (await app.FindUserAsync(session.Account.UserName))!;

        using var response = await client.GetAsync($"/avatars/{user.Id}/1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.Public ?? false);
    }

    [Fact]
    public async Task Get_PictureRemoved_Returns404()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;
        var user = (await app.FindUserAsync(session.Account.UserName))!;
        var version = await Profiles.SetAvatarAsync(user.Id, TestImages.Png(16, 16));
        await Profiles.RemoveAvatarAsync(user.Id);

        using var response = await client.GetAsync($"/avatars/{user.Id}/{version}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToLogin()
    {
        var user = await app.CreateUserWithoutPasswordAsync();
        var version = await Profiles.SetAvatarAsync(user.Id, TestImages.Png(16, 16));
        using var anonymous = app.CreateBrowserClient();

        using var response = await anonymous.GetAsync($"/avatars/{user.Id}/{version}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.False(response.Content.Headers.ContentType?.MediaType == "image/png");
    }
}
