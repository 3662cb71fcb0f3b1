using Chat.Domain.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Chat.Tests.Support;

/// <summary>
/// One private PostgreSQL cluster for the whole test run, started by the first test that needs it, with a template
/// database migrated once; each test gets a copy (CREATE DATABASE ... TEMPLATE, about 0.1 s) instead of migrating.
/// Stopped when the run is over (<see cref="ChatTestFramework"/>); a killed run leaves a cluster that a later run
/// cleans up.
/// </summary>
internal static class SharedPostgres
{
    private static readonly Lazy<Task<Instance>> Started = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new, migrated database of its own; drop it with <see cref="DropDatabaseAsync"/>.</summary>
    public static async Task<string> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var instance = await Started.Value;
        return await instance.Cluster.CreateDatabaseAsync(instance.Template, ct);
    }

    /// <summary>A new database with no schema at all, for the tests of the migrations themselves.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(CancellationToken ct = default)
    {
        var instance = await Started.Value;
        return await instance.Cluster.CreateDatabaseAsync(ct: ct);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var instance = await Started.Value;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(instance.Cluster.ConnectionString()) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        // FORCE: a connection the test left open (or an idle one in a pool we cannot reach) must not keep the
        // database, and its share of max_connections, alive until the end of the run.
        await using var command = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops and removes the cluster if a test started it; called once, when the whole run is over.</summary>
    public static async Task StopAsync()
    {
        if (Started.IsValueCreated && Started.Value.IsCompletedSuccessfully)
        {
            await Started.Value.Result.Cluster.DisposeAsync();
        }
    }

    private static async Task<Instance> StartAsync()
    {
        // Throws under CI=true when PostgreSQL is missing, so every PostgreSQL test fails with the reason.
        if (PostgresCluster.SkipReason() is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var cluster = await PostgresCluster.StartAsync();
        // Backstop only: the test host may be killed before a ProcessExit handler finishes (see ChatTestFramework).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        try
        {
            var connectionString = await cluster.CreateDatabaseAsync();
            // Unpooled: CREATE DATABASE ... TEMPLATE refuses while any connection to the template is open.
            var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
            var services = new ServiceCollection()
                .AddChatDomain(new DatabaseSettings(DatabaseProvider.Postgres, unpooled.ConnectionString))
                .BuildServiceProvider();
            await using (services)
            {
                await ChatDatabase.MigrateAsync(services);
            }

            return new Instance(cluster, unpooled.Database!);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private sealed record Instance(PostgresCluster Cluster, string Template);
}
