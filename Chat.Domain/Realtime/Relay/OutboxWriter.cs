using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.Domain.Realtime.Relay;

/// <summary>
/// Sends what this instance publishes to the others: events queue in memory, and a loop writes them to the outbox
/// table in batches, with one <c>pg_notify</c> per row in the same transaction, so a notification goes out at
/// commit, in commit order, and only for a row that is there to read. While the database is down the events stay
/// queued and the write is retried with backoff: none is dropped while the process lives.
/// </summary>
public sealed partial class OutboxWriter(
    IDbContextFactory<ChatDbContext> dbFactory, ChatInstance instance, TimeProvider clock, ILogger<OutboxWriter> logger)
    : BackgroundService
{
    /// <summary>The LISTEN/NOTIFY channel.</summary>
    public const string ChannelName = "chat_events";

    /// <summary>How long rows are kept: longer than any outage a listener is expected to catch up on.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private const int MaxBatch = 200;
    private static readonly TimeSpan CleanUpEvery = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(10);

    // Unbounded: publishing never waits for the database. Services publish only after a commit, so while the
    // database is down hardly anything arrives here to pile up.
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<Pending> batch = [];
    private DateTimeOffset nextCleanUp = DateTimeOffset.MinValue;

    internal void Enqueue(string topic, ChatEvent chatEvent) => queue.Writer.TryWrite(new Pending(topic, chatEvent));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // What was published up to now (an instance stopping reports its users gone) still goes out, if it can.
        queue.Writer.TryComplete();
        while (queue.Reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await WriteAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Shutting down: log and go, whatever the database did.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogLostAtStop(logger, e, batch.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (true)
        {
            if (batch.Count == 0 && !await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                return;
            }

            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await WriteAsync(stoppingToken);
                retry = FirstRetry;
                await CleanUpIfDueAsync(stoppingToken);
            }
#pragma warning disable CA1031 // The writer must outlive any database failure; the batch is kept and retried.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogWriteFailed(logger, e, batch.Count, retry);
                await Task.Delay(retry, clock, stoppingToken);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The execution strategy repeats the whole transaction on a transient failure (a restarting server). A commit
        // whose acknowledgement is lost could be repeated and its events arrive twice; components merge by id.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var createdAt = clock.GetUtcNow().UtcDateTime;
            var rows = batch.Select(p => new OutboxEvent
            {
                Origin = instance.Id,
                Topic = p.Topic,
                Kind = p.Event.GetType().Name,
                Payload = ChatEventJson.Serialize(p.Event),
                CreatedAt = createdAt,
            }).ToList();

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.OutboxEvents.AddRange(rows);
            await db.SaveChangesAsync(ct);
            string[] notices = [.. rows.Select(r => new RelayNotice(r.Id, r.Origin, r.Topic).ToString())];
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({ChannelName}, n) FROM unnest({notices}) AS n", ct);
            await transaction.CommitAsync(ct);
        });
        batch.Clear();
    }

    private async Task CleanUpIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < nextCleanUp)
        {
            return;
        }

        nextCleanUp = now + CleanUpEvery;
        var before = (now - Retention).UtcDateTime;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.OutboxEvents.Where(e => e.CreatedAt < before).ExecuteDeleteAsync(ct);
        }
#pragma warning disable CA1031 // Old rows can wait for the next round; relaying must go on.
        catch (Exception e) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogCleanUpFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not relay {Count} events to the other instances; retrying in {Retry}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, TimeSpan retry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old rows of the outbox")]
    private static partial void LogCleanUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} events were not relayed to the other instances before this one stopped")]
    private static partial void LogLostAtStop(ILogger logger, Exception exception, int count);

    private sealed record Pending(string Topic, ChatEvent Event);
}
