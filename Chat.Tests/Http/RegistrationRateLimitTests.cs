using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

public sealed class RegistrationRateLimitAppFactory : ChatAppFactory
{
    public RegistrationRateLimitAppFactory() => Settings["Auth:RegistrationPostsPerHour"] = "3";
}

/// <summary>
/// One address may post the registration form a few times an hour, so that its "email taken" answer cannot be
/// used to test many addresses (docs/decisions/0006-registration-enumeration.md).
/// </summary>
public sealed class RegistrationRateLimitTests(RegistrationRateLimitAppFactory app) : IClassFixture<RegistrationRateLimitAppFactory>
{
    [Fact]
    public async Task Register_PostedMoreOftenThanTheLimit_Answers429AndCreatesNobody()
    {
        using var client = app.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // Refused for the password, so each attempt is a post of the form and nothing more.
            using var allowed = await client.RegisterAsync(TestAccount.New(), "short");
            statuses.Add(allowed.StatusCode);
        }

        var account = TestAccount.New();
        using var refused = await client.RegisterAsync(account);
        using var form = await client.GetAsync("/account/register");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountUsersAsync(account));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }
}
