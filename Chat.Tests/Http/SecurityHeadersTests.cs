using System.Net;
using Chat.Domain.Profiles;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Tests.Http;

public sealed class SecurityHeadersTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
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

    // MudBlazor's snackbars write a <style> with @keyframes under a random name, so inline style elements cannot be
    // listed by hash; scripts stay our own files only, and stylesheets come from this host only.
    [Fact]
    public async Task Page_InlineStylesAllowed_ScriptsAndStylesheetsOnlyOurOwn()
    {
        var (client, _) = await app.CreateLoggedInClientAsync();
        using var _ = client;

        using var response = await client.GetAsync("/");

        var directives = Assert.Single(response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.TrimEntries);
        Assert.Contains("script-src 'self'", directives);
        Assert.DoesNotContain(directives, d => d.StartsWith("script-src-", StringComparison.Ordinal));
        Assert.Contains("style-src 'self'", directives);
        Assert.Contains("style-src-elem 'self' 'unsafe-inline'", directives);
        Assert.Contains("style-src-attr 'unsafe-inline'", directives);
    }
}
