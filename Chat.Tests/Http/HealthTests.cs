using System.Net;
using Chat.Domain.Data;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>What the load balancer asks: is the process up, and can this instance serve.</summary>
public sealed class HealthTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_Anonymous_AnswersHealthyInOneWord(string path)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, OnPostgres]
    public async Task Ready_OnPostgres_IsUnhealthyWhileTheDatabaseIsDown_AndLiveStaysHealthy(DatabaseProvider provider)
    {
        // A private cluster, since this test stops it.
        await using var cluster = await PostgresCluster.StartAsync();
        await using var postgresApp = new ChatAppFactory();
        postgresApp.Settings["Database:Provider"] = provider.ToString();
        postgresApp.Settings["ConnectionStrings:Postgres"] = await cluster.CreateDatabaseAsync();
        using var client = postgresApp.CreateBrowserClient();
        await Wait.UntilAsync(async () => await StatusAsync(client, "/health/ready") == HttpStatusCode.OK, "ready once the relay listens");

        await cluster.StopAsync("fast");
        await Wait.UntilAsync(async () => await StatusAsync(client, "/health/ready") == HttpStatusCode.ServiceUnavailable, "not ready without the database");
        using var down = await client.GetAsync("/health/ready");
        var liveWhileDown = await StatusAsync(client, "/health/live");
        await cluster.StartAgainAsync();
        await Wait.UntilAsync(async () => await StatusAsync(client, "/health/ready") == HttpStatusCode.OK, "ready again after the restart");

        Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, liveWhileDown);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }
}
