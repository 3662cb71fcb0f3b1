using System.Data.Common;
using Chat.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Tests.Support;

/// <summary>
/// Counts the SQL commands that touch the sessions table, for the tests that a known session is checked from
/// memory. Register it on one app or domain with <see cref="Register"/>; it sees only that one's commands.
/// </summary>
public sealed class SessionQueries : DbCommandInterceptor
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Register(IServiceCollection services) =>
        services.ConfigureDbContext<ChatDbContext>((_, options) => options.AddInterceptors(this), ServiceLifetime.Singleton);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Tally(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Tally(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Tally(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Tally(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Tally(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Tally(command);
        return ValueTask.FromResult(result);
    }

    private void Tally(DbCommand command)
    {
        if (command.CommandText.Contains("UserSessions", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref count);
        }
    }
}
