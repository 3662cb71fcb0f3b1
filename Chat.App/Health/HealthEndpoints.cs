using Chat.Domain.Data;
using Chat.Domain.Realtime.Relay;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.App.Health;

/// <summary>
/// For the load balancer: /health/live answers while the process does, /health/ready while this instance can serve
/// (its database answers and, on PostgreSQL, its relay listens to the other instances). Anonymous, not rate limited,
/// and the body is one word (Healthy, Degraded, Unhealthy), so nothing about the setup leaks.
/// </summary>
internal static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddChatHealthChecks(this IServiceCollection services, DatabaseSettings database)
    {
        // A balancer's probe wants an answer within seconds, also from a database that does not answer at all.
        var checks = services.AddHealthChecks().AddCheck<DatabaseCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            checks.AddCheck<RelayCheck>("relay", tags: [Ready]);
        }

        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) })
            .AllowAnonymous().DisableRateLimiting();
    }

    private sealed class DatabaseCheck(IDbContextFactory<ChatDbContext> dbFactory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            // One round trip, past the context's retrying strategy, which would keep a probe waiting about ten
            // seconds for a database that is down. A failure is reported as Unhealthy by the framework.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
    }

    private sealed class RelayCheck(OutboxListener relay) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(relay.IsListening ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The relay is not listening."));
    }
}
