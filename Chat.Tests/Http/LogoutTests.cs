using System.Net;
using Chat.Tests.Support;
using Microsoft.Net.Http.Headers;

namespace Chat.Tests.Http;

/// <summary>
/// Logging out ends every session of the user at once, with the default settings: the security stamp is checked only
/// every minute, so these tests see whether the server-side session does the job.
/// </summary>
public sealed class LogoutTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Fact]
    public async Task LogOut_WithAntiforgeryToken_ClearsCookieAndRedirectsToLogin()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;

        using var response = await LogOutAsync(client);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        var cleared = SetCookies(response).Single(c => c.Name == CopiedCookie.Name);
        Assert.Equal("", cleared.Value.ToString());
        Assert.True(cleared.Expires < DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/login", home.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task LogOut_ThenReplayingTheOldCookie_IsRejected()
    {
        using var client = app.CreateBrowserClient();
        using var registration = await client.RegisterAsync(TestAccount.New());
        var oldCookie = CopiedCookie.From(registration);
        using var beforeLogout = await CopiedCookie.GetAsync(app, "/profile", oldCookie);
        Assert.Equal(HttpStatusCode.OK, beforeLogout.StatusCode);

        using var logout = await LogOutAsync(client);
        using var replay = await CopiedCookie.GetAsync(app, "/profile", oldCookie);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        CopiedCookie.AssertRefused(replay);
    }

    [Fact]
    public async Task LogOut_ThenOpeningALiveConnectionWithTheOldCookie_IsRefused()
    {
        using var client = app.CreateBrowserClient();
        using var registration = await client.RegisterAsync(TestAccount.New());
        var oldCookie = CopiedCookie.From(registration);
        using var beforeLogout = await CopiedCookie.NegotiateAsync(app, oldCookie);
        Assert.Equal(HttpStatusCode.OK, beforeLogout.StatusCode);

        using var logout = await LogOutAsync(client);
        using var replay = await CopiedCookie.NegotiateAsync(app, oldCookie);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        CopiedCookie.AssertRefused(replay);
    }

    [Fact]
    public async Task LogOut_InOneSession_EndsTheUsersOtherSessions()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var laptop = session.Client;
        var account = session.Account;
        using var phone = app.CreateBrowserClient();
        using var phoneLogin = await phone.LogInAsync(account.UserName, account.Password);
        Assert.Equal(HttpStatusCode.Redirect, phoneLogin.StatusCode);
        using var phoneBefore = await phone.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, phoneBefore.StatusCode);

        using var logout = await LogOutAsync(laptop);
        using var phoneHome = await phone.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        CopiedCookie.AssertRefused(phoneHome);
    }

    [Fact]
    public async Task LogOut_WithoutAntiforgeryToken_Returns400PageAndKeepsTheSession()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;
        using var empty = new FormUrlEncodedContent([]);

        using var response = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), empty);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(">Bad request</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The stamp check may renew the cookie; it must not clear it.
        Assert.DoesNotContain(SetCookies(response), c => c.Name == CopiedCookie.Name && c.Expires < DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    /// <summary>Posts the logout form of the page the user is on (the user panel of the home page).</summary>
    private static async Task<HttpResponseMessage> LogOutAsync(HttpClient client)
    {
        using var home = await client.GetAsync("/");
        var token = BrowserClient.HiddenValue(await home.Content.ReadAsStringAsync(), "__RequestVerificationToken");
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form);
    }

    private static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
            ? SetCookieHeaderValue.ParseList(values.ToList())
            : [];
}
