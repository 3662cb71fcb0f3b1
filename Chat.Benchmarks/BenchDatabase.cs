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

namespace Chat.Benchmarks;

/// <summary>
/// A fresh, migrated database of one provider with the real domain services on top, as the app wires them
/// (AddChatDomain + ChatDatabase.MigrateAsync), except that sending is not rate limited.
/// SQLite: a file in a temp folder, WAL + synchronous=FULL as in the app.
/// PostgreSQL and MySQL: a new database on the cluster or MariaDB server that Program started (see
/// <see cref="PostgresEnvironmentVariable"/>, <see cref="MySqlEnvironmentVariable"/>), or on a private server of
/// its own when run without Program (e.g. from another host).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    /// <summary>Set by Program to the cluster's admin connection string; BenchmarkDotNet's child processes inherit it.</summary>
    public const string PostgresEnvironmentVariable = "CHAT_BENCH_POSTGRES";

    /// <summary>As <see cref="PostgresEnvironmentVariable"/>, for the MariaDB server.</summary>
    public const string MySqlEnvironmentVariable = "CHAT_BENCH_MYSQL";

    private readonly string? sqliteDirectory;
    private readonly string? serverAdmin;
    private readonly IAsyncDisposable? ownServer;

    private BenchDatabase(
        DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? serverAdmin, IAsyncDisposable? ownServer)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteDirectory = sqliteDirectory;
        this.serverAdmin = serverAdmin;
        this.ownServer = ownServer;
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
            IAsyncDisposable? server = null;
            var admin = Environment.GetEnvironmentVariable(
                provider == DatabaseProvider.Postgres ? PostgresEnvironmentVariable : MySqlEnvironmentVariable);
            if (string.IsNullOrEmpty(admin))
            {
                (server, admin) = await StartServerAsync(provider);
            }

            var connectionString = await ServerDatabases.CreateAsync(provider, admin);
            database = new BenchDatabase(provider, connectionString, null, admin, server);
        }

        await ChatDatabase.MigrateAsync(database.Services);
        return database;
    }

    /// <summary>A private server and its admin connection string, for a benchmark run without Program.</summary>
    public static async Task<(IAsyncDisposable Server, string Admin)> StartServerAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var cluster = await PostgresCluster.StartAsync();
            return (cluster, cluster.ConnectionString());
        }

        var mariaDb = await MariaDbServer.StartAsync();
        return (mariaDb, mariaDb.ConnectionString());
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
    /// minute in production, InnoDB's automatic recalculation (after 10% of a table changed) within seconds, but
    /// both in the background, racing the first measured calls. SQLite has no statistics unless ANALYZE runs,
    /// and the app never runs it, so it is left as the app would have it.
    /// </summary>
    public async Task AnalyzeAsync()
    {
        await using var db = await CreateContextAsync();
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
                break;
            case DatabaseProvider.MySql:
                // The model's own table names, no input: nothing to inject.
                var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();
                var analyze = "ANALYZE TABLE " + string.Join(", ", tables.Select(t => $"`{t}`"));
                await db.Database.ExecuteSqlRawAsync(analyze);
                break;
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

        if (ownServer is not null)
        {
            ServerDatabases.ClearPool(Provider, ConnectionString);
            await ownServer.DisposeAsync();
            return;
        }

        await ServerDatabases.DropAsync(Provider, serverAdmin!, ConnectionString);
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
}
