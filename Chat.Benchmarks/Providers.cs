using Chat.Domain.Data;

namespace Chat.Benchmarks;

/// <summary>
/// The databases to measure on: SQLite always, PostgreSQL and MySQL when Program could start a cluster or a
/// MariaDB server for them.
/// </summary>
public static class Providers
{
    public static IEnumerable<DatabaseProvider> Available()
    {
        yield return DatabaseProvider.Sqlite;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BenchDatabase.PostgresEnvironmentVariable)))
        {
            yield return DatabaseProvider.Postgres;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BenchDatabase.MySqlEnvironmentVariable)))
        {
            yield return DatabaseProvider.MySql;
        }
    }
}
