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
        Assert.Contains("<html lang=\"en\" data-theme=\"light\">", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
