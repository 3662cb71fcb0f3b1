using Chat.Domain.Data;
using Chat.Tests.Browser;
using Chat.Tests.Support;

namespace Chat.Tests.Faults;

/// <summary>
/// MariaDB is killed (SIGKILL of mariadbd) and started again on the same data and port while two people chat. A
/// private server, since killing the run's shared one would break every other MariaDB test.
/// </summary>
public sealed class MariaDbRestartTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [BrowserFactOnMySql]
    public async Task RestartMariaDb_WhileUsersChat_RetriesOrOffersRetry_NoDuplicates_CircuitKeepsWorking()
    {
        // Durable: the kill is a crash, and a committed message must survive it as in production.
        await using var server = new RestartableMariaDb(await MariaDbServer.StartAsync(durable: true));
        await DatabaseRestart.RestartWhileUsersChatAsync(chromium, server);
    }

    private sealed class RestartableMariaDb(MariaDbServer server) : IRestartableDatabase
    {
        public DatabaseProvider Provider => DatabaseProvider.MySql;

        public Task<string> CreateDatabaseAsync() => server.CreateDatabaseAsync();

        public Task CrashAsync() => server.KillAsync();

        public Task StartAgainAsync() => server.StartAgainAsync();

        public ValueTask DisposeAsync() => server.DisposeAsync();
    }
}
