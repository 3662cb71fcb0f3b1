using Chat.Domain;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.RateLimiting;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chat.Benchmarks;

/// <summary>
/// A fresh, migrated database of one provider with the real domain services on top, as the app wires them
/// (AddChatDomain + ChatDatabase.MigrateAsync), except that sending is not rate limited.
/// SQLite: a file in a temp folder, WAL + synchronous=FULL as in the app.
/// PostgreSQL: a new database in the cluster Program started (see <see cref="PostgresEnvironmentVariable"/>),
/// or in a private cluster of its own when run without Program (e.g. from another host).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    /// <summary>Set by Program to the cluster's admin connection string; BenchmarkDotNet's child processes inherit it.</summary>
    public const string PostgresEnvironmentVariable = "CHAT_BENCH_POSTGRES";

    private readonly string? sqliteDirectory;
    private readonly string? postgresAdmin;
    private readonly PostgresCluster? ownCluster;

    private BenchDatabase(
        DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresAdmin, PostgresCluster? ownCluster)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteDirectory = sqliteDirectory;
        this.postgresAdmin = postgresAdmin;
        this.ownCluster = ownCluster;
        var services = new ServiceCollection().AddChatDomain(new DatabaseSettings(provider, connectionString));
        // Buckets so large that no benchmark ever waits for tokens.
        services.Configure<WriteRateLimitOptions>(options =>
        {
            foreach (var action in Enum.GetValues<WriteAction>())
            {
                (options.For(action).Burst, options.For(action).Refill) = (1_000_000_000, TimeSpan.FromMilliseconds(1));
            }
        });
        if (ExtraInterceptor is { } interceptor)
        {
            services.ConfigureDbContext<ChatDbContext>(options => options.AddInterceptors(interceptor));
        }

        Services = services.BuildServiceProvider();
    }

    /// <summary>Only for --explain, which records the SQL the services send; null when measuring.</summary>
    public static IInterceptor? ExtraInterceptor { get; set; }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider)
    {
        BenchDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("chat-bench-").FullName;
            var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "chat.db") };
            database = new BenchDatabase(provider, file.ConnectionString, directory, null, null);
        }
        else
        {
            PostgresCluster? cluster = null;
            var admin = Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
            if (string.IsNullOrEmpty(admin))
            {
                cluster = await PostgresCluster.StartAsync();
                admin = cluster.ConnectionString();
            }

            var name = "bench_" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            database = new BenchDatabase(provider, connectionString, null, admin, cluster);
        }

        await ChatDatabase.MigrateAsync(database.Services);
        return database;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public Task<ChatDbContext> CreateContextAsync() => Get<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();

    /// <summary>Accounts inserted directly, without passwords (the domain never looks at credentials).</summary>
    public async Task<IReadOnlyList<ChatUser>> CreateUsersAsync(string prefix, int count)
    {
        var users = Enumerable.Range(0, count).Select(i => NewUser($"{prefix}{i:D4}")).ToList();
        await using var db = await CreateContextAsync();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users;
    }

    /// <summary>
    /// Refreshes the planner's statistics after a bulk seed. PostgreSQL's autovacuum would do this within a
    /// minute in production; SQLite has no statistics unless ANALYZE runs, and the app never runs it, so it is
    /// left as the app would have it.
    /// </summary>
    public async Task AnalyzeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await using var db = await CreateContextAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Provider == DatabaseProvider.Sqlite)
        {
            using (var pooled = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            try
            {
                Directory.Delete(sqliteDirectory!, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }

            return;
        }

        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        if (ownCluster is not null)
        {
            await ownCluster.DisposeAsync();
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await ExecuteAsync(postgresAdmin!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static ChatUser NewUser(string userName)
    {
        var email = $"{userName}@example.test";
        return new ChatUser
        {
            Id = Guid.NewGuid().ToString(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = userName,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = DateTime.UtcNow,
        };
    }

    private static async Task ExecuteAsync(string adminConnectionString, string sql)
    {
        // Unpooled, so no idle admin connection is left behind.
        var unpooled = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
