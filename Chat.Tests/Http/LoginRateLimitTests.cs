using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

public sealed class LoginRateLimitAppFactory : ChatAppFactory
{
    public LoginRateLimitAppFactory() => Settings["Auth:LoginPostsPerMinute"] = "3";
}

/// <summary>One address may post the login form a few times a minute, whichever accounts it tries.</summary>
public sealed class LoginRateLimitTests(LoginRateLimitAppFactory app) : IClassFixture<LoginRateLimitAppFactory>
{
    [Fact]
    public async Task LogIn_PostedMoreOftenThanTheLimit_Answers429WithAFriendlyPage()
    {
        using var client = app.CreateBrowserClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.LogInAsync(TestAccount.New("nobody").UserName, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.LogInAsync(TestAccount.New("nobody").UserName, "not the password at all");
        using var form = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", html, StringComparison.Ordinal);
        Assert.Contains("Wait a few minutes", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
