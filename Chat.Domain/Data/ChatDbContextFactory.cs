namespace Chat.Domain.Data;

/// <summary>Hands out the provider's subclass, so that each provider finds its own migrations.</summary>
public sealed class ChatDbContextFactory(DbContextOptions<ChatDbContext> options, DatabaseSettings settings)
    : IDbContextFactory<ChatDbContext>
{
    public ChatDbContext CreateDbContext() => settings.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteChatDbContext(options),
        DatabaseProvider.Postgres => new PostgresChatDbContext(options),
        DatabaseProvider.MySql => new MySqlChatDbContext(options),
        _ => throw new InvalidOperationException($"Unknown database provider {settings.Provider}."),
    };
}
