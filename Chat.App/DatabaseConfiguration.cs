using Chat.Domain.Data;
using Microsoft.Data.Sqlite;

namespace Chat.App;

/// <summary>Reads Database:Provider and the matching connection string.</summary>
public static class DatabaseConfiguration
{
    public static DatabaseSettings Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(provider.ToString());
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Database:Provider is {provider} but ConnectionStrings:{provider} is empty. See README.md, PostgreSQL.");
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
}
