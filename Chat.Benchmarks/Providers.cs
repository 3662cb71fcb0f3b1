using Chat.Domain.Data;

namespace Chat.Benchmarks;

/// <summary>The databases to measure on: SQLite always, PostgreSQL when Program could start a cluster.</summary>
public static class Providers
{
    public static IEnumerable<DatabaseProvider> Available()
    {
        yield return DatabaseProvider.Sqlite;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(BenchDatabase.PostgresEnvironmentVariable)))
        {
            yield return DatabaseProvider.Postgres;
        }
    }
}
