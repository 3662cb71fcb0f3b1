using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>An unknown URL is a 404 page for everyone; the login requirement only guards pages that exist.</summary>
public sealed class NotFoundTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/servers/1/channels/1/nothing-here")]
    [InlineData("/nothing-here.png")]
    public async Task UnknownUrl_WhenAnonymous_Returns404Page(string path)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(">Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUrl_WhenSignedIn_Returns404Page()
    {
        var (client, _) = await app.CreateLoggedInClientAsync();
        using var signedIn = client;

        using var response = await signedIn.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(">Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConversationNotMine_WhenSignedIn_Returns404()
    {
        var (client, _) = await app.CreateLoggedInClientAsync();
        using var signedIn = client;

        using var response = await signedIn.GetAsync("/messages/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/profile")]
    [InlineData("/servers/find")]
    [InlineData("/invite/abc")]
    [InlineData("/messages")]
    [InlineData("/messages/1")]
    public async Task ExistingPage_WhenAnonymous_RedirectsToLogin(string path)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }
}
