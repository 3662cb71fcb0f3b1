using Chat.Domain.Data;
using Microsoft.Extensions.DependencyInjection;
using MySql.Data.MySqlClient;

namespace Chat.Tests.Support;

/// <summary>
/// One private MariaDB server for the whole test run, started by the first test that needs it, with a template
/// database migrated once. MariaDB has no CREATE DATABASE ... TEMPLATE, so each test's database gets the template's
/// tables from their SHOW CREATE TABLE text (and its migrations history), which is much faster than migrating.
/// Stopped when the run is over (<see cref="ChatTestFramework"/>).
/// </summary>
internal static class SharedMariaDb
{
    private static readonly Lazy<Task<Instance>> Started = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new database with the migrated schema; drop it with <see cref="DropDatabaseAsync"/>.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var instance = await Started.Value;
        var connectionString = await instance.Server.CreateDatabaseAsync(ct);
        await using var connection = new MySqlConnection(
            new MySqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new MySqlCommand(instance.Schema, connection);
        await command.ExecuteNonQueryAsync(ct);
        return connectionString;
    }

    /// <summary>A new database with no schema at all, for the tests of the migrations themselves.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(CancellationToken ct = default)
    {
        var instance = await Started.Value;
        return await instance.Server.CreateDatabaseAsync(ct);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var instance = await Started.Value;
        await instance.Server.DropDatabaseAsync(connectionString);
    }

    /// <summary>Stops and removes the server if a test started it; called once, when the whole run is over.</summary>
    public static async Task StopAsync()
    {
        if (Started.IsValueCreated && Started.Value.IsCompletedSuccessfully)
        {
            await Started.Value.Result.Server.DisposeAsync();
        }
    }

    private static async Task<Instance> StartAsync()
    {
        // Throws under CI=true when MariaDB is missing, so every MariaDB test fails with the reason.
        if (MariaDbServer.SkipReason() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var server = await MariaDbServer.StartAsync();
        // Backstop only: the test host may be killed before a ProcessExit handler finishes (see ChatTestFramework).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            var template = await server.CreateDatabaseAsync();
            var services = new ServiceCollection()
                .AddChatDomain(new DatabaseSettings(DatabaseProvider.MySql, template))
                .BuildServiceProvider();
            await using (services)
            {
                await ChatDatabase.MigrateAsync(services);
            }

            return new Instance(server, await ReadSchemaAsync(template));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>One script that recreates the template's tables and migrations history in another database.</summary>
    private static async Task<string> ReadSchemaAsync(string template)
    {
        await using var connection = new MySqlConnection(
            new MySqlConnectionStringBuilder(template) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new MySqlCommand("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        // Tables in any order: the foreign keys point at tables that may come later.
        var script = new List<string> { "SET FOREIGN_KEY_CHECKS = 0;" };
        foreach (var table in tables)
        {
            await using var show = new MySqlCommand($"SHOW CREATE TABLE `{table}`", connection);
            await using var reader = await show.ExecuteReaderAsync();
            await reader.ReadAsync();
            script.Add(reader.GetString(1) + ";");
        }

        await using (var history = new MySqlCommand("SELECT MigrationId, ProductVersion FROM __EFMigrationsHistory", connection))
        await using (var reader = await history.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                script.Add($"INSERT INTO __EFMigrationsHistory VALUES ('{reader.GetString(0)}', '{reader.GetString(1)}');");
            }
        }

        script.Add("SET FOREIGN_KEY_CHECKS = 1;");
        return string.Join('\n', script);
    }

    private sealed record Instance(MariaDbServer Server, string Schema);
}
