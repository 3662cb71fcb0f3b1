using Chat.Domain.Data;
using Chat.Tests.Support;
using Microsoft.Data.Sqlite;
using MySql.Data.MySqlClient;
using Npgsql;

namespace Chat.Load.Setup;

/// <summary>
/// A fresh database for one run: a SQLite file in a temporary folder, or a new database on a private PostgreSQL
/// cluster or MariaDB server (on a free port, as the tests start them). Disposing deletes the folder or stops and
/// removes the server.
/// </summary>
internal sealed class LoadDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly IAsyncDisposable? server;

    private LoadDatabase(DatabaseSettings settings, string? folder, IAsyncDisposable? server)
    {
        Settings = settings;
        this.folder = folder;
        this.server = server;
    }

    public DatabaseSettings Settings { get; }

    /// <summary>The app's configuration for this database, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> AppEnvironment => new Dictionary<string, string>
    {
        ["Database__Provider"] = Settings.Provider.ToString(),
        [$"ConnectionStrings__{Settings.Provider}"] = Settings.ConnectionString,
    };

    public static async Task<LoadDatabase> CreateAsync(DatabaseProvider provider, CancellationToken ct)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var folder = Directory.CreateTempSubdirectory("chat-load-").FullName;
                var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "chat.db") };
                return new LoadDatabase(new DatabaseSettings(provider, file.ConnectionString), folder, null);
            case DatabaseProvider.Postgres:
                var cluster = await PostgresCluster.StartAsync(ct: ct);
                return await OnServerAsync(provider, cluster, () => cluster.CreateDatabaseAsync(ct: ct));
            case DatabaseProvider.MySql:
                var mariaDb = await MariaDbServer.StartAsync(ct: ct);
                return await OnServerAsync(provider, mariaDb, () => mariaDb.CreateDatabaseAsync(ct));
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        MySqlConnection.ClearAllPools();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (folder is not null)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary folder left behind is harmless.
            }
        }
    }

    private static async Task<LoadDatabase> OnServerAsync(
        DatabaseProvider provider, IAsyncDisposable server, Func<Task<string>> createDatabase)
    {
        try
        {
            return new LoadDatabase(new DatabaseSettings(provider, await createDatabase()), null, server);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
