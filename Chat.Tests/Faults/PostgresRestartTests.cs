using Chat.Domain.Data;
using Chat.Tests.Browser;
using Chat.Tests.Support;

namespace Chat.Tests.Faults;

/// <summary>
/// PostgreSQL goes down hard (immediate stop, like a crash) and comes back while two people chat. A private
/// cluster, since stopping the run's shared one would break every other PostgreSQL test.
/// </summary>
public sealed class PostgresRestartTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [BrowserFactOnPostgres]
    public async Task RestartPostgres_WhileUsersChat_RetriesOrOffersRetry_NoDuplicates_CircuitKeepsWorking()
    {
        // Durable: an immediate stop is a crash, and a committed message must survive it as in production.
        await using var server = new RestartablePostgres(await PostgresCluster.StartAsync(durable: true));
        await DatabaseRestart.RestartWhileUsersChatAsync(chromium, server);
    }

    private sealed class RestartablePostgres(PostgresCluster cluster) : IRestartableDatabase
    {
        public DatabaseProvider Provider => DatabaseProvider.Postgres;

        public Task<string> CreateDatabaseAsync() => cluster.CreateDatabaseAsync();

        public Task CrashAsync() => cluster.StopAsync("immediate");

        public Task StartAgainAsync() => cluster.StartAgainAsync();

        public ValueTask DisposeAsync() => cluster.DisposeAsync();
    }
}
