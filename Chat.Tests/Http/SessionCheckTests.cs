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
