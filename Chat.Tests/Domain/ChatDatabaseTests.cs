using System.Data.Common;
using System.Globalization;
using Chat.Domain.Data;
using Chat.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Domain;

public sealed class ChatDatabaseTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigration(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(provider);

        await ChatDatabase.MigrateAsync(db.Services);

        await using var context = await db.CreateContextAsync();
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
    }

    /// <summary>Several instances started at once on a new server database each migrate it at start-up.</summary>
    [Theory, OnPostgres, OnMySql]
    public async Task MigrateAsync_ByThreeInstancesAtOnce_OnAnEmptyDatabase_SucceedsForAll(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateEmptyAsync(provider);
        var instances = Enumerable.Range(0, 3)
            .Select(_ => new ServiceCollection().AddChatDomain(new DatabaseSettings(provider, db.ConnectionString)).BuildServiceProvider())
            .ToList();

        var migrations = await Task.WhenAll(instances.Select(services => Record.ExceptionAsync(() => ChatDatabase.MigrateAsync(services))));

        Assert.All(migrations, Assert.Null);
        await using var context = await db.CreateContextAsync();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        foreach (var services in instances)
        {
            await services.DisposeAsync();
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MigrateAsync_Twice_ChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");

        await ChatDatabase.MigrateAsync(db.Services);

        await using var context = await db.CreateContextAsync();
        Assert.Equal([ana.Id], await context.Users.Select(u => u.Id).ToListAsync());
    }

    /// <summary>Fails when the model changed without a migration: run `dotnet ef migrations add` for each provider.</summary>
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task Migrations_OfProvider_MatchTheModel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = await db.CreateContextAsync();

        var drifted = context.Database.HasPendingModelChanges();

        Assert.False(drifted);
    }

    [Fact]
    public async Task MigrateAsync_Sqlite_SwitchesTheFileToWal()
    {
        await using var db = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);

        await ChatDatabase.MigrateAsync(db.Services);

        // A plain connection, without the app's interceptor: the journal mode is stored in the file itself.
        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task ContextConnection_Sqlite_IsDurableAndWaitsForLocks()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = await db.CreateContextAsync();

        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous;")); // FULL
        Assert.Equal("5000", await ScalarAsync(connection, "PRAGMA busy_timeout;"));
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys;"));
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
