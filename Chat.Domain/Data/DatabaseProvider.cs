namespace Chat.Domain.Data;

public enum DatabaseProvider
{
    /// <summary>An embedded file next to the app; the default, no setup at all.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for real deployments.</summary>
    Postgres,

    /// <summary>A MySQL or MariaDB server, through Oracle's provider (docs/decisions/0007-mysql-provider.md).</summary>
    MySql,
}

/// <summary>Which database the app uses, read from configuration once at start-up.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);
