using System.Net;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Tests.Http;

/// <summary>The authentication cookie cannot be read by script, is not sent by cross-site posts, and stays on HTTPS.</summary>
public sealed class CookieTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Fact]
    public async Task AuthCookie_OverHttp_IsHttpOnlyAndSameSiteLax()
    {
        using var client = app.CreateBrowserClient();

        var cookie = await AuthCookieAsync(client);

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AuthCookie_OverHttps_IsAlsoSecure()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost/"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });

        var cookie = await AuthCookieAsync(client);

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Registers (which signs in) and returns the Set-Cookie header of the authentication cookie.</summary>
    private static async Task<string> AuthCookieAsync(HttpClient client)
    {
        using var response = await client.RegisterAsync(TestAccount.New());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chat.auth=", StringComparison.Ordinal));
    }
}
