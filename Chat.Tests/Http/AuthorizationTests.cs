using System.Net;
using Chat.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Chat.Tests.Http;

/// <summary>The fallback policy: every page needs a logged-in user, except the account and error pages.</summary>
public sealed class AuthorizationTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/servers/1")]
    [InlineData("/servers/1/channels/1")]
    public async Task Page_WhenAnonymous_RedirectsToLoginWithReturnUrl(string path)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/account/login", location.AbsolutePath);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(path, query["ReturnUrl"].ToString());
    }

    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/account/register", HttpStatusCode.OK)]
    [InlineData("/error/400", HttpStatusCode.BadRequest)]
    [InlineData("/error/403", HttpStatusCode.Forbidden)]
    [InlineData("/error/404", HttpStatusCode.NotFound)]
    [InlineData("/error/500", HttpStatusCode.InternalServerError)]
    public async Task AccountOrErrorPage_WhenAnonymous_IsServed(string path, HttpStatusCode expected)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/app.css")]
    public async Task StaticAsset_WhenAnonymous_IsServed(string path)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
