using Chat.Domain.Data;
using Microsoft.Data.Sqlite;

namespace Chat.App;

/// <summary>Reads Database:Provider and the matching connection string.</summary>
public static partial class DatabaseConfiguration
{
    public static DatabaseSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(provider.ToString());
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Database:Provider is {provider} but ConnectionStrings:{provider} is empty. See README.md, PostgreSQL and MySQL.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            // A relative file lives next to the app, wherever it was started from.
            var sqlite = new SqliteConnectionStringBuilder(connectionString);
            if (!Path.IsPathRooted(sqlite.DataSource) && sqlite.DataSource != ":memory:")
            {
                sqlite.DataSource = Path.Combine(environment.ContentRootPath, sqlite.DataSource);
            }

            connectionString = sqlite.ToString();
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>
    /// Says at start-up what the chosen database cannot do: on MySQL and MariaDB the events of one instance reach no
    /// other (the relay uses PostgreSQL's LISTEN/NOTIFY; docs/decisions/0007-mysql-provider.md).
    /// </summary>
    public static void LogLimits(ILogger logger, DatabaseSettings database)
    {
        if (database.Provider == DatabaseProvider.MySql)
        {
            LogSingleInstanceOnly(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Database:Provider is MySql: run a single instance. Several instances need PostgreSQL, because only there do " +
        "live events reach the other instances (README.md, Running several instances).")]
    private static partial void LogSingleInstanceOnly(ILogger logger);
}
