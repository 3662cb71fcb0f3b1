using Chat.Domain.Data;
using Chat.Domain.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Support;

/// <summary>
/// A fresh, migrated database of one provider for one test, with the real domain services on top:
/// <c>await using var database = await TestDatabase.CreateAsync(provider);</c>
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteDirectory;

    private TestDatabase(
        DatabaseProvider provider, string connectionString, string? sqliteDirectory, Action<IServiceCollection>? configureServices)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteDirectory = sqliteDirectory;
        var services = new ServiceCollection().AddChatDomain(new DatabaseSettings(provider, connectionString));
        configureServices?.Invoke(services);
        Services = services.BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>What the app registers with AddChatDomain: the context factory and the domain services.</summary>
    public ServiceProvider Services { get; }

    /// <summary>A migrated database: a new SQLite file, or a copy of the shared PostgreSQL cluster's or MariaDB server's template.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken ct = default) =>
        CreateAsync(provider, migrate: true, configureServices: null, ct);

    /// <summary>
    /// As <see cref="CreateAsync(DatabaseProvider, CancellationToken)"/>, with registrations added after
    /// AddChatDomain's; the last registration wins, e.g. <c>WriteLimits.All(burst: 3)</c>.
    /// </summary>
    public static Task<TestDatabase> CreateAsync(
        DatabaseProvider provider, Action<IServiceCollection> configureServices, CancellationToken ct = default) =>
        CreateAsync(provider, migrate: true, configureServices, ct);

    /// <summary>A database without any schema, for the tests of the migrations themselves.</summary>
    public static Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider, CancellationToken ct = default) =>
        CreateAsync(provider, migrate: false, configureServices: null, ct);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A context of its own, as each service method opens one; dispose it.</summary>
    public Task<ChatDbContext> CreateContextAsync(CancellationToken ct = default) =>
        Get<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync(ct);

    /// <summary>
    /// Inserts an account directly. Without a password on purpose: Identity's PBKDF2 (210,000 iterations) would
    /// cost more than the test, and the domain never looks at credentials.
    /// </summary>
    public async Task<ChatUser> CreateUserAsync(string userName, CancellationToken ct = default)
    {
        var email = $"{userName}@example.test";
        var user = new ChatUser
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
        await using var db = await CreateContextAsync(ct);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
        {
            await SharedPostgres.DropDatabaseAsync(ConnectionString);
            return;
        }

        if (Provider == DatabaseProvider.MySql)
        {
            await SharedMariaDb.DropDatabaseAsync(ConnectionString);
            return;
        }

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
            // Best effort: a file still held open only leaves a temporary folder behind.
        }
    }

    private static async Task<TestDatabase> CreateAsync(
        DatabaseProvider provider, bool migrate, Action<IServiceCollection>? configureServices, CancellationToken ct)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var directory = Directory.CreateTempSubdirectory("chat-domain-tests-").FullName;
                var file = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "chat.db") };
                var sqlite = new TestDatabase(provider, file.ConnectionString, directory, configureServices);
                try
                {
                    if (migrate)
                    {
                        await ChatDatabase.MigrateAsync(sqlite.Services, ct);
                    }

                    return sqlite;
                }
                catch
                {
                    await sqlite.DisposeAsync();
                    throw;
                }
            case DatabaseProvider.Postgres:
                var connectionString = migrate
                    ? await SharedPostgres.CreateDatabaseAsync(ct)
                    : await SharedPostgres.CreateEmptyDatabaseAsync(ct);
                return new TestDatabase(provider, connectionString, sqliteDirectory: null, configureServices);
            case DatabaseProvider.MySql:
                var mysql = migrate
                    ? await SharedMariaDb.CreateDatabaseAsync(ct)
                    : await SharedMariaDb.CreateEmptyDatabaseAsync(ct);
                return new TestDatabase(provider, mysql, sqliteDirectory: null, configureServices);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }
}
