using Chat.Domain.Data;
using Chat.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chat.Load.Setup;

/// <summary>
/// A fresh database for one run: a SQLite file in a temporary folder, or a new database on a private PostgreSQL
/// cluster (initdb on a free port, as the tests do). Disposing deletes the folder or stops and removes the cluster.
/// </summary>
internal sealed class LoadDatabase : IAsyncDisposable
{
    private readonly string? folder;
    private readonly PostgresCluster? cluster;

    private LoadDatabase(DatabaseSettings settings, string? folder, PostgresCluster? cluster)
    {
        Settings = settings;
        this.folder = folder;
        this.cluster = cluster;
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
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("chat-load-").FullName;
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "chat.db") };
            return new LoadDatabase(new DatabaseSettings(provider, file.ConnectionString), folder, null);
        }

        var cluster = await PostgresCluster.StartAsync(ct: ct);
        try
        {
            var connectionString = await cluster.CreateDatabaseAsync(ct: ct);
            return new LoadDatabase(new DatabaseSettings(provider, connectionString), null, cluster);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
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
}
