using System.Text.Json;
using System.Threading.Channels;
using Chat.Domain.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chat.Domain.Realtime.Relay;

/// <summary>
/// Receives what the other instances publish: a connection of its own does <c>LISTEN chat_events</c>; for each
/// notification from another instance on a topic that someone here listens to, the row is read from the outbox
/// and handed to this instance's subscribers (never relayed again). When the connection breaks (a database
/// restart) it reconnects with backoff, listens again and catches up on the rows written in between.
/// </summary>
/// <remarks>
/// Catching up cannot simply take ids above the last one received: an identity value is taken when a row is
/// inserted, not when it commits, so a lower id can become visible after a higher one. It takes every row written
/// since shortly (<see cref="CatchUpMargin"/>) before the last moment the connection was known to work, and skips the
/// ids it has already handled, which it remembers for twice that margin. The margin also absorbs differences
/// between the instances' clocks, which must agree within it (NTP).
/// </remarks>
public sealed partial class OutboxListener(
    DatabaseSettings database,
    IDbContextFactory<ChatDbContext> dbFactory,
    ChatHub hub,
    PresenceTracker presence,
    ChatInstance instance,
    TimeProvider clock,
    ChatMetrics metrics,
    ILogger<OutboxListener> logger) : BackgroundService
{
    public static readonly TimeSpan CatchUpMargin = TimeSpan.FromMinutes(1);

    // A connection whose peer vanished without a word (a network failure) shows no error until used.
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(15);
    private const int MaxBatch = 200;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    private readonly SeenEvents seen = new();
    private volatile bool listening;

    // This instance's clock: when it first listened (older rows are not its business), and up to when it surely
    // delivered every notification.
    private DateTime? firstListened;
    private DateTime heardUntil;

    /// <summary>Whether the relay's connection is up and listening; the readiness check asks.</summary>
    public bool IsListening => listening;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The users connected here are gone for the other instances too; the writer, which stops after this
        // service, still sends it. Only once nothing is delivered here any more: a request for reports handled
        // meanwhile would send this instance's users after the goodbye, and bring them back online for good.
        await base.StopAsync(cancellationToken);
        await presence.ReportStoppingAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            // Held for good: a pooled connection would go back to the pool and take the LISTEN with it.
            Pooling = false,
            ApplicationName = $"chat relay {instance.Name}",
        }.ConnectionString;
        var retry = FirstRetry;
        while (true)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
#pragma warning disable CA1031 // Whatever broke the connection, the relay reconnects.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                // Soon after a connection that worked; less and less often while the database stays away.
                retry = listening ? FirstRetry : TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
                listening = false;
                LogDisconnected(logger, e, retry);
                await Task.Delay(retry, clock, stoppingToken);
            }
            finally
            {
                listening = false;
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        // Receiving and delivering run apart, so that notifications arriving while a batch is read from the outbox
        // and delivered make up the next batch (a wait takes one notification at a time). A "heard" mark follows
        // what each wait received; once delivered up to it, a later catch-up need not look further back than it.
        var arrivals = Channel.CreateUnbounded<Arrival>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) =>
        {
            if (RelayNotice.TryParse(e.Payload, out var notice))
            {
                arrivals.Writer.TryWrite(new Arrival(notice, default));
            }
        };
        await connection.OpenAsync(ct);
        await RunAsync(connection, $"LISTEN {OutboxWriter.ChannelName}", ct);
        var listenedAt = Now;
        listening = true;
        LogListening(logger, instance.Name, instance.Id);

        if (firstListened is { } first)
        {
            var from = heardUntil - CatchUpMargin;
            await CatchUpAsync(from > first ? from : first, ct);
        }
        else
        {
            firstListened = listenedAt;
        }

        heardUntil = listenedAt;
        // Presence is not in the database: whoever is connected elsewhere is told again, by the instances themselves.
        await presence.RequestReportsAsync();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delivering = DeliverArrivalsAsync(arrivals.Reader, stop);
        try
        {
            while (true)
            {
                if (!await connection.WaitAsync(IdleCheck, stop.Token))
                {
                    await RunAsync(connection, "SELECT 1", stop.Token);
                }

                arrivals.Writer.TryWrite(new Arrival(null, Now));
            }
        }
        finally
        {
            // Either side failing stops the other; a delivery's failure (the database) is the one that counts.
            await stop.CancelAsync();
            try
            {
                await delivering;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }
    }

    private async Task DeliverArrivalsAsync(ChannelReader<Arrival> arrivals, CancellationTokenSource stop)
    {
        try
        {
            List<RelayNotice> notices = [];
            while (await arrivals.WaitToReadAsync(stop.Token))
            {
                DateTime? heard = null;
                while (notices.Count < MaxBatch && arrivals.TryRead(out var arrival))
                {
                    if (arrival.Notice is { } notice)
                    {
                        notices.Add(notice);
                    }
                    else
                    {
                        heard = arrival.HeardAt;
                    }
                }

                await DeliverAsync(notices, stop.Token);
                notices.Clear();
                if (heard is { } until)
                {
                    heardUntil = until;
                    seen.ForgetBefore(until - (2 * CatchUpMargin));
                }
            }
        }
        catch when (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private async Task DeliverAsync(List<RelayNotice> notices, CancellationToken ct)
    {
        var now = Now;
        List<long> wanted = [];
        foreach (var notice in notices)
        {
            if (notice.Origin == instance.Id || seen.Contains(notice.Id))
            {
                continue;
            }

            if (hub.SubscriberCount(notice.Topic) == 0)
            {
                // Nobody here shows it; whoever subscribes later loads from the database, so it must not come later.
                seen.Add(notice.Id, now);
                continue;
            }

            wanted.Add(notice.Id);
        }

        if (wanted.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.OutboxEvents.AsNoTracking().Where(e => wanted.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        await DeliverRowsAsync(rows);
    }

    private async Task CatchUpAsync(DateTime from, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.OutboxEvents.AsNoTracking()
            .Where(e => e.CreatedAt >= from && e.Origin != instance.Id)
            .OrderBy(e => e.Id)
            .ToListAsync(ct);
        var delivered = await DeliverRowsAsync(rows);
        LogCaughtUp(logger, delivered, from);
    }

    private async Task<int> DeliverRowsAsync(IEnumerable<OutboxEvent> rows)
    {
        var delivered = 0;
        foreach (var row in rows)
        {
            if (!seen.Add(row.Id, Now) || hub.SubscriberCount(row.Topic) == 0)
            {
                continue;
            }

            ChatEvent chatEvent;
            try
            {
                chatEvent = ChatEventJson.Deserialize(row.Payload);
            }
            catch (Exception e) when (e is JsonException or NotSupportedException)
            {
                // E.g. a kind that only a newer instance knows, during a rolling upgrade.
                LogUnreadable(logger, e, row.Id, row.Kind);
                continue;
            }

            await hub.DeliverAsync(row.Topic, chatEvent);
            metrics.Relayed(row.Kind, Now - row.CreatedAt);
            delivered++;
        }

        return delivered;
    }

    private static async Task RunAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relay listening as instance {Name} ({Id})")]
    private static partial void LogListening(ILogger logger, string name, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relay connection lost; reconnecting in {Retry}")]
    private static partial void LogDisconnected(ILogger logger, Exception exception, TimeSpan retry);

    [LoggerMessage(Level = LogLevel.Information, Message = "Relay caught up {Count} events written since {From:O}")]
    private static partial void LogCaughtUp(ILogger logger, int count, DateTime from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Relayed event {Id} of kind {Kind} could not be read; skipped")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, long id, string kind);

    /// <summary>A notification, or (without one) the moment up to which the connection surely received everything.</summary>
    private readonly record struct Arrival(RelayNotice? Notice, DateTime HeardAt);

    /// <summary>Ids of other instances' events already handled (delivered, or skipped for want of subscribers).</summary>
    private sealed class SeenEvents
    {
        private readonly HashSet<long> ids = [];
        private readonly Queue<(long Id, DateTime SeenAt)> order = new();

        public bool Contains(long id) => ids.Contains(id);

        public bool Add(long id, DateTime seenAt)
        {
            if (!ids.Add(id))
            {
                return false;
            }

            order.Enqueue((id, seenAt));
            return true;
        }

        public void ForgetBefore(DateTime time)
        {
            while (order.TryPeek(out var oldest) && oldest.SeenAt < time)
            {
                order.Dequeue();
                ids.Remove(oldest.Id);
            }
        }
    }
}
