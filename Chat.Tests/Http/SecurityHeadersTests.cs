using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Chat.Domain.Profiles;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Tests.Http;

public sealed partial class SecurityHeadersTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/no-such-page")]
    [InlineData("/error/500")]
    public async Task Response_Always_CarriesThePolicyAndHardeningHeaders(string path)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Page_InDevelopment_HasNoHsts()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://chat.example/") });

        using var response = await client.GetAsync("/account/login");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Page_OverHttpsOutsideDevelopment_HasHsts()
    {
        await using var production = new ChatAppFactory { EnvironmentName = "Production" };
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://chat.example/") });

        using var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Avatar_KeepsItsOwnStricterPolicy_AsTheOnlyOne()
    {
        var (client, account) = await app.CreateLoggedInClientAsync();
        using var _ = client;
        var user = (await app.FindUserAsync(account.UserName))!;
        var version = await app.Services.GetRequiredService<ProfileService>().SetAvatarAsync(user.Id, TestImages.Png(8, 8));

        using var response = await client.GetAsync($"/avatars/{user.Id}/{version}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("default-src 'none'; sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Page_InlineStyleElements_AreAllowedByHashNotByUnsafeInline()
    {
        var (client, _) = await app.CreateLoggedInClientAsync();
        using var _ = client;

        using var response = await client.GetAsync("/");

        var html = await response.Content.ReadAsStringAsync();
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var styleElements = Assert.Single(policy.Split(';', StringSplitOptions.TrimEntries), d => d.StartsWith("style-src-elem ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", styleElements, StringComparison.Ordinal);
        var styles = StyleElement().Matches(html);
        // The theme's variables, its scrollbar and a chart rule: MudBlazor's theme provider writes them inline.
        Assert.NotEmpty(styles);
        foreach (Match style in styles)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.Groups[1].Value)));
            Assert.Contains($"'sha256-{hash}'", styleElements, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
