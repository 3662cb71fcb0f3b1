using Microsoft.EntityFrameworkCore.Design;

namespace Chat.Domain.Data;

// Used only by `dotnet ef migrations add`; the app builds its contexts through ChatDbContextFactory.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChatDbContext>
{
    public SqliteChatDbContext CreateDbContext(string[] args) => new(Options(DatabaseProvider.Sqlite, "Data Source=design.db"));

    internal static DbContextOptions<ChatDbContext> Options(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<ChatDbContext>();
        ChatDatabase.Configure(builder, new DatabaseSettings(provider, connectionString));
        return builder.Options;
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChatDbContext>
{
    public PostgresChatDbContext CreateDbContext(string[] args) =>
        new(SqliteDesignTimeFactory.Options(DatabaseProvider.Postgres, "Host=localhost;Database=chat_design"));
}

internal sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlChatDbContext>
{
    public MySqlChatDbContext CreateDbContext(string[] args) =>
        new(SqliteDesignTimeFactory.Options(DatabaseProvider.MySql, "Server=localhost;Database=chat_design"));
}
