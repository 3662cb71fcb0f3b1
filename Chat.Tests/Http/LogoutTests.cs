using System.Net;
using Chat.Tests.Support;
using Microsoft.Net.Http.Headers;

namespace Chat.Tests.Http;

/// <summary>
/// The app with the security stamp checked after a millisecond instead of a minute, so that a cookie is checked
/// on its next request. (Zero is refused: the circuit's revalidation loop waits that long between checks.)
/// </summary>
public sealed class StampCheckedEveryRequestFactory : ChatAppFactory
{
    public StampCheckedEveryRequestFactory() => Settings["Auth:RevalidationInterval"] = "00:00:00.001";
}

public sealed class LogoutTests(StampCheckedEveryRequestFactory app) : IClassFixture<StampCheckedEveryRequestFactory>
{
    private const string AuthCookie = "chat.auth";

    [Fact]
    public async Task LogOut_WithAntiforgeryToken_ClearsCookieAndRedirectsToLogin()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;

        using var response = await LogOutAsync(client);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        var cleared = SetCookies(response).Single(c => c.Name == AuthCookie);
        Assert.Equal("", cleared.Value.ToString());
        Assert.True(cleared.Expires < DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/login", home.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task LogOut_ThenReplayingTheOldCookie_IsRejected()
    {
        using var client = app.CreateBrowserClient();
        var account = TestAccount.New();
        using var registration = await client.RegisterAsync(account);
        var oldCookie = SetCookies(registration).Single(c => c.Name == AuthCookie).Value.ToString();
        using var beforeLogout = await GetWithCookieAsync("/", oldCookie);
        Assert.Equal(HttpStatusCode.OK, beforeLogout.StatusCode);

        using var logout = await LogOutAsync(client);
        using var replay = await GetWithCookieAsync("/", oldCookie);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("/account/login", replay.Headers.Location!.AbsolutePath);
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

        using var logout = await LogOutAsync(laptop);
        using var phoneHome = await phone.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, phoneHome.StatusCode);
        Assert.Equal("/account/login", phoneHome.Headers.Location!.AbsolutePath);
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
        Assert.DoesNotContain(SetCookies(response), c => c.Name == AuthCookie && c.Expires < DateTimeOffset.UtcNow);
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

    /// <summary>A request from a client that has nothing but this one cookie, as a stolen copy would be used.</summary>
    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string authCookie)
    {
        using var bare = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(HeaderNames.Cookie, $"{AuthCookie}={authCookie}");
        return await bare.SendAsync(request);
    }

    private static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
            ? SetCookieHeaderValue.ParseList(values.ToList())
            : [];
}
