using System.Net;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.Net.Http.Headers;

namespace Chat.Tests.Http;

/// <summary>The profile page's theme buttons: a form post that saves the choice on the account and in the cookie.</summary>
public sealed class ThemeEndpointTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Fact]
    public async Task PostTheme_WithToken_SavesOnProfileSetsCookieAndPaintsNextPage()
    {
        var (client, account) = await app.CreateLoggedInClientAsync();
        using var _ = client;

        using var response = await PostThemeAsync(client, "light", withToken: true);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Headers.Location!.OriginalString);
        var cookie = SetCookieHeaderValue.ParseList(response.Headers.GetValues(HeaderNames.SetCookie).ToList())
            .Single(c => c.Name == "chat.theme");
        Assert.Equal("light", cookie.Value.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(ThemeChoice.Light, (await app.FindUserAsync(account.UserName))!.Theme);
        var page = await home.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\" data-theme=\"light\">", page, StringComparison.Ordinal);
        Assert.Contains("href=\"theme/light.css\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThemeStylesheets_ForAnyone_HoldEachPaletteAndSystemHoldsBoth()
    {
        using var client = app.CreateClient();

        var dark = await client.GetStringAsync("/theme/dark.css");
        var light = await client.GetStringAsync("/theme/light.css");
        var system = await client.GetStringAsync("/theme/system.css");
        using var unknown = await client.GetAsync("/theme/purple.css");

        Assert.Contains("--mud-palette-background", dark, StringComparison.Ordinal);
        Assert.Contains("--mud-palette-background", light, StringComparison.Ordinal);
        Assert.NotEqual(dark, light);
        Assert.Contains(light, system, StringComparison.Ordinal);
        Assert.Contains(dark, system, StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme: dark", system, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("light", false)]
    [InlineData("purple", true)]
    public async Task PostTheme_WithoutTokenOrUnknownTheme_IsRefusedAndChangesNothing(string theme, bool withToken)
    {
        var (client, account) = await app.CreateLoggedInClientAsync();
        using var _ = client;

        using var response = await PostThemeAsync(client, theme, withToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues(HeaderNames.SetCookie, out var cookies)
            && cookies.Any(c => c.StartsWith("chat.theme=", StringComparison.Ordinal)));
        Assert.Equal(ThemeChoice.Dark, (await app.FindUserAsync(account.UserName))!.Theme);
    }

    /// <summary>Posts the theme form of the profile page, as its buttons do.</summary>
    private static async Task<HttpResponseMessage> PostThemeAsync(HttpClient client, string theme, bool withToken)
    {
        using var profile = await client.GetAsync("/profile");
        var token = BrowserClient.HiddenValue(await profile.Content.ReadAsStringAsync(), "__RequestVerificationToken");
        List<KeyValuePair<string, string>> fields = [new("theme", theme)];
        if (withToken)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/account/theme", UriKind.Relative), form);
    }
}
