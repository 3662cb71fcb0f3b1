using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chat.Domain.Data;

public static class ChatDatabase
{
    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString).AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                // A restarted or failed-over server drops every pooled connection; a command that fails for that
                // (a transient error) is repeated on a new connection, a few times within a few seconds, instead of
                // failing the user's action. Sends stay single: a repeated insert meets the (author, nonce) index.
                options.UseNpgsql(settings.ConnectionString, npgsql => npgsql.EnableRetryOnFailure(
                    maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(3), errorCodesToAdd: null));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }
    }

    /// <summary>Creates or upgrades the schema; run once at start-up, before the app takes requests.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<ChatDbContext>>()
            .CreateDbContextAsync(ct);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL is stored in the file itself: readers no longer block the writer, and it needs setting once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await MigrateOneAtATimeAsync(db, settings.ConnectionString, ct);
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }
    }

    /// <summary>
    /// Several instances start at once on one PostgreSQL database. EF's own migration lock is held per migration
    /// (each commits on its own), and an instance that waited for it goes on to apply the migration the other one
    /// just applied: one of them fails with "column ... already exists". A session-level advisory lock around the
    /// whole run makes them take turns; the later ones find nothing left to do.
    /// </summary>
    private static async Task MigrateOneAtATimeAsync(ChatDbContext db, string connectionString, CancellationToken ct)
    {
        // Unpooled, so that closing the connection ends the session and with it the lock, even after a failure.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var lockConnection = new NpgsqlConnection(unpooled.ConnectionString);
        await lockConnection.OpenAsync(ct);
        // No timeout: waiting as long as another instance's migrations take is the point.
        await using var takeLock = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection) { CommandTimeout = 0 };
        takeLock.Parameters.AddWithValue("key", MigrationLockKey);
        await takeLock.ExecuteNonQueryAsync(ct);
        await db.Database.MigrateAsync(ct);
    }

    // Any constant that nothing else on the database uses as an advisory lock key: "Chat" in ASCII.
    private const long MigrationLockKey = 0x43686174;
}
