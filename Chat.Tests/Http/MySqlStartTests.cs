using System.Collections.Concurrent;
using System.Net;
using Chat.Domain.Data;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Chat.Tests.Http;

public sealed class MySqlStartTests
{
    [Theory, OnMySql]
    public async Task Start_OnAnEmptyMySqlDatabase_CreatesTheSchemaAndWarnsThatItServesOneInstance(DatabaseProvider provider)
    {
        var connectionString = await SharedMariaDb.CreateEmptyDatabaseAsync();
        try
        {
            var log = new RecordingLoggerProvider();
            await using var app = new ChatAppFactory { TestServices = services => services.AddSingleton<ILoggerProvider>(log) };
            app.Settings["Database:Provider"] = provider.ToString();
            app.Settings["ConnectionStrings:MySql"] = connectionString;

            using var client = app.CreateClient();
            using var ready = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
            Assert.IsType<MySqlChatDbContext>(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Contains(log.Warnings, message => message.Contains("run a single instance", StringComparison.Ordinal));
        }
        finally
        {
            await SharedMariaDb.DropDatabaseAsync(connectionString);
        }
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
