using Chat.Domain.Data;
using MySql.Data.MySqlClient;
using Npgsql;

namespace Chat.Benchmarks;

/// <summary>Creates and drops a benchmark's own database on a PostgreSQL cluster or a MariaDB server, as its admin.</summary>
internal static class ServerDatabases
{
    /// <summary>A new, empty database; returns its connection string.</summary>
    public static async Task<string> CreateAsync(DatabaseProvider provider, string admin)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N");
        if (provider == DatabaseProvider.Postgres)
        {
            await ExecutePostgresAsync(admin, $"CREATE DATABASE \"{name}\"");
            return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        }

        // The server's defaults, as the tests' databases have them; the first migration sets the table defaults.
        await ExecuteMySqlAsync(admin, $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new MySqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(DatabaseProvider provider, string admin, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            using (var pooled = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
            await ExecutePostgresAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            return;
        }

        using (var pooled = new MySqlConnection(connectionString))
        {
            MySqlConnection.ClearPool(pooled);
        }

        await ExecuteMySqlAsync(admin, $"DROP DATABASE IF EXISTS `{new MySqlConnectionStringBuilder(connectionString).Database}`");
    }

    /// <summary>Lets go of the pooled connections to a database whose whole server is about to stop.</summary>
    public static void ClearPool(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }
        else
        {
            using var pooled = new MySqlConnection(connectionString);
            MySqlConnection.ClearPool(pooled);
        }
    }

    // Unpooled, so no idle admin connection is left behind.
    private static async Task ExecutePostgresAsync(string admin, string sql)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteMySqlAsync(string admin, string sql)
    {
        var unpooled = new MySqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString;
        await using var connection = new MySqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
