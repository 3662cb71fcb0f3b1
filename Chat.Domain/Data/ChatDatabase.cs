using Chat.Domain.Text;
using Chat.Domain.Users;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MySql.Data.MySqlClient;

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
            case DatabaseProvider.MySql:
                // As on PostgreSQL: transient errors (a restarted server) are retried on a new connection.
                options.UseMySQL(MySqlConnectionString(settings.ConnectionString), mysql => mysql.EnableRetryOnFailure(
                        maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(3), errorNumbersToAdd: MySqlTransientErrors.Missing))
                    .AddInterceptors(MariaDbCommandFixes.Instance);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {settings.Provider}.");
        }
    }

    /// <summary>
    /// MySql.Data otherwise talks in the server's or its own default character set, which may be the 3-byte utf8:
    /// every emoji then arrives as "?". Text is utf8mb4 end to end unless the connection string says otherwise.
    /// </summary>
    internal static string MySqlConnectionString(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.CharacterSet))
        {
            builder.CharacterSet = "utf8mb4";
        }

        return builder.ConnectionString;
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
            await MigrateOneAtATimeAsync(db, ct);
            return;
        }

        await db.Database.MigrateAsync(ct);
        await ColumnBackfills.FillAsync(db, ct);
    }

    /// <summary>
    /// Instances started together (scale-out) would apply the same migrations at once and fail on "already exists":
    /// EF's own migration lock needs the history table to exist. A session advisory lock, held on the connection that
    /// migrates, lets one instance migrate while the others wait, and then find nothing left to do.
    /// </summary>
    private static async Task MigrateOneAtATimeAsync(ChatDbContext db, CancellationToken ct)
    {
        const long migrationLock = 0x43686174; // "Chat"
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({migrationLock})", ct);
            try
            {
                await db.Database.MigrateAsync(ct);
                await ColumnBackfills.FillAsync(db, ct);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({migrationLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
