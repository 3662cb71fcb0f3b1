using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>The app with the commands on the sessions table counted.</summary>
public sealed class SessionQueriesCountedFactory : ChatAppFactory
{
    public SessionQueriesCountedFactory() => TestServices = Queries.Register;

    public SessionQueries Queries { get; } = new();
}

/// <summary>Every request checks its session, and pays no database round trip for it while nothing changed.</summary>
public sealed class SessionCheckTests(SessionQueriesCountedFactory app) : IClassFixture<SessionQueriesCountedFactory>
{
    [Fact]
    public async Task Requests_WithAValidUnchangedSession_QueryNoSessions()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;
        // Signing in wrote the session: the counter sees the table's commands.
        Assert.True(app.Queries.Count > 0);
        using var first = await client.GetAsync("/profile");
        app.Queries.Reset();

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/profile", "/", "/profile" })
        {
            using var response = await client.GetAsync(path);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(0, app.Queries.Count);
    }
}

/// <summary>
/// The app with the security stamp checked on every request, so that Identity rebuilds the cookie's principal
/// each time. (Zero is refused: the circuit's revalidation loop waits that long between checks.)
/// </summary>
public sealed class StampCheckedEveryRequestFactory : ChatAppFactory
{
    public StampCheckedEveryRequestFactory() => Settings["Auth:RevalidationInterval"] = "00:00:00.001";
}

/// <summary>Identity's stamp check renews the cookie from the user; the renewed cookie keeps its session.</summary>
public sealed class StampRenewalTests(StampCheckedEveryRequestFactory app) : IClassFixture<StampCheckedEveryRequestFactory>
{
    [Fact]
    public async Task Session_WhoseCookieTheStampCheckRenewed_StaysSignedIn()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;

        var answers = new List<(HttpStatusCode Status, bool Renewed)>();
        for (var i = 0; i < 3; i++)
        {
            // Past the millisecond, so that each request's cookie is checked and renewed.
            await Task.Delay(TimeSpan.FromMilliseconds(5));
            using var response = await client.GetAsync("/profile");
            var renewed = response.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c => c.StartsWith(CopiedCookie.Name + "=", StringComparison.Ordinal));
            answers.Add((response.StatusCode, renewed));
        }

        Assert.Equal([(HttpStatusCode.OK, true), (HttpStatusCode.OK, true), (HttpStatusCode.OK, true)], answers);
    }
}
