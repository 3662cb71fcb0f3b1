using System.Net;
using System.Text.RegularExpressions;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.Net.Http.Headers;

namespace Chat.Tests.Http;

/// <summary>
/// Which language a page is rendered in: the culture cookie (the user's choice), else the browser's
/// Accept-Language (any es-* is Spanish), else English; and the form post that sets the choice.
/// </summary>
public sealed partial class LanguageTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    private const string CookieName = "chat.culture";

    [Theory]
    [InlineData("es-AR", "es")]
    [InlineData("es", "es")]
    [InlineData("es-MX,es;q=0.9,en;q=0.5", "es")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "en")]
    [InlineData(null, "en")]
    public async Task Page_ByAcceptLanguage_HasThatLanguage(string? acceptLanguage, string expected)
    {
        using var client = app.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, HtmlLang(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("c=es|uic=es", "en-US", "es")]
    [InlineData("c=en|uic=en", "es-AR", "en")]
    public async Task Page_WithCultureCookie_CookieWinsOverTheBrowser(string cookie, string acceptLanguage, string expected)
    {
        using var client = app.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        request.Headers.TryAddWithoutValidation("Cookie", $"{CookieName}={Uri.EscapeDataString(cookie)}");

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, HtmlLang(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task PostLanguage_LoggedIn_SavesOnProfileSetsCookieAndRendersNextPageInIt()
    {
        var (client, account) = await app.CreateLoggedInClientAsync();
        using var _ = client;

        using var response = await PostLanguageAsync(client, "/profile", "es", withToken: true);
        using var profile = await client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Headers.Location!.OriginalString);
        var cookie = CultureCookieOf(response);
        Assert.Equal("c=es|uic=es", Uri.UnescapeDataString(cookie.Value.ToString()));
        Assert.True(cookie.HttpOnly);
        Assert.Equal(LanguageChoice.Spanish, (await app.FindUserAsync(account.UserName))!.Language);
        Assert.Equal("es", HtmlLang(await profile.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task PostLanguage_Automatic_DeletesCookieAndStoresAutomatic()
    {
        var (client, account) = await app.CreateLoggedInClientAsync();
        using var _ = client;
        using var spanish = await PostLanguageAsync(client, "/profile", "es", withToken: true);

        using var response = await PostLanguageAsync(client, "/profile", "auto", withToken: true);
        using var profile = await client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = CultureCookieOf(response);
        Assert.True(cookie.Expires < DateTimeOffset.UtcNow, "the cookie is removed, not set");
        Assert.Equal(LanguageChoice.Automatic, (await app.FindUserAsync(account.UserName))!.Language);
        Assert.Equal("en", HtmlLang(await profile.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("es", false)]
    [InlineData("fr", true)]
    public async Task PostLanguage_WithoutTokenOrUnknownLanguage_IsRefusedAndChangesNothing(string language, bool withToken)
    {
        var (client, account) = await app.CreateLoggedInClientAsync();
        using var _ = client;

        using var response = await PostLanguageAsync(client, "/profile", language, withToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues(HeaderNames.SetCookie, out var cookies)
            && cookies.Any(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal)));
        Assert.Equal(LanguageChoice.Automatic, (await app.FindUserAsync(account.UserName))!.Language);
    }

    [Fact]
    public async Task PostLanguage_Visitor_SetsCookieOnlyAndGoesBackToTheLoginPage()
    {
        using var client = app.CreateBrowserClient();

        using var response = await PostLanguageAsync(client, "/account/login?returnUrl=%2Fprofile", "es", withToken: true);
        using var login = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Fprofile", response.Headers.Location!.OriginalString);
        Assert.Equal("c=es|uic=es", Uri.UnescapeDataString(CultureCookieOf(response).Value.ToString()));
        Assert.Equal("es", HtmlLang(await login.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task PostLanguage_ForeignReturnUrl_GoesToTheProfileInstead()
    {
        using var client = app.CreateBrowserClient();

        using var response = await PostLanguageAsync(client, "/account/login", "en", withToken: true, returnUrl: "//evil.example/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LogIn_UserWhoChoseSpanish_GetsTheCookieOnANewBrowser()
    {
        var (client, account) = await app.CreateLoggedInClientAsync();
        using (client)
        {
            using var spanish = await PostLanguageAsync(client, "/profile", "es", withToken: true);
        }

        using var newBrowser = app.CreateBrowserClient();
        using var response = await newBrowser.LogInAsync(account.UserName, account.Password);
        using var home = await newBrowser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("c=es|uic=es", Uri.UnescapeDataString(CultureCookieOf(response).Value.ToString()));
        Assert.Equal("es", HtmlLang(await home.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Register_AfterTheVisitorChoseSpanish_StoresSpanishOnTheAccount()
    {
        using var client = app.CreateBrowserClient();
        var account = TestAccount.New("visitor");
        using var spanish = await PostLanguageAsync(client, "/account/register", "es", withToken: true);

        using var response = await client.RegisterAsync(account);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LanguageChoice.Spanish, (await app.FindUserAsync(account.UserName))!.Language);
    }

    [Fact]
    public async Task Register_InSpanish_ShowsIdentitysAndOurValidatorsErrorsInSpanish()
    {
        using var client = app.CreateBrowserClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "es-AR");
        var account = TestAccount.New("espanol");
        var taken = await app.CreateUserWithoutPasswordAsync("tomado");

        using var common = await client.RegisterAsync(account, "password12");
        using var duplicate = await client.RegisterAsync(account with { UserName = taken.UserName! });

        var commonText = WebUtility.HtmlDecode(await common.Content.ReadAsStringAsync());
        var duplicateText = WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("Es una de las 10.000 contraseñas más comunes", commonText, StringComparison.Ordinal);
        Assert.Contains($"El nombre de usuario '{taken.UserName}' ya está en uso.", duplicateText, StringComparison.Ordinal);
        Assert.DoesNotContain("most common passwords", commonText, StringComparison.Ordinal);
    }

    /// <summary>Posts the language form of <paramref name="page"/> (the profile's chooser or a visitor's switch).</summary>
    private static async Task<HttpResponseMessage> PostLanguageAsync(
        HttpClient client, string page, string language, bool withToken, string? returnUrl = null)
    {
        using var get = await client.GetAsync(page);
        var html = await get.Content.ReadAsStringAsync();
        Assert.Contains("action=\"account/language\"", html, StringComparison.Ordinal);
        List<KeyValuePair<string, string>> fields = [new("language", language)];
        if (withToken)
        {
            fields.Add(new("__RequestVerificationToken", BrowserClient.HiddenValue(html, "__RequestVerificationToken")));
        }

        // The visitor's switch says where to come back to; the profile's chooser does not (back to the profile).
        if (returnUrl is not null || ReturnUrlRegex().Match(html) is { Success: true })
        {
            fields.Add(new("returnUrl", returnUrl ?? WebUtility.HtmlDecode(ReturnUrlRegex().Match(html).Groups[1].Value)));
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/account/language", UriKind.Relative), form);
    }

    [GeneratedRegex("""name="returnUrl" value="([^"]*)" """)]
    private static partial Regex ReturnUrlRegex();

    private static SetCookieHeaderValue CultureCookieOf(HttpResponseMessage response) =>
        SetCookieHeaderValue.ParseList(response.Headers.GetValues(HeaderNames.SetCookie).ToList())
            .Single(c => c.Name == CookieName);

    private static string HtmlLang(string html)
    {
        var start = html.IndexOf("<html lang=\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has an html element with a lang");
        start += "<html lang=\"".Length;
        return html[start..html.IndexOf('"', start)];
    }
}
