using System.Diagnostics;
using Chat.Load.Baseline;
using Chat.Load.Browsers;
using Chat.Load.Connections;
using Chat.Load.Measuring;
using Chat.Load.Report;

namespace Chat.Load;

/// <summary>The rounds: sends at the set rate, then the wait for every delivery, summed up per round.</summary>
internal sealed partial class LoadRun
{
    private async Task<RoundResult> ChatRoundAsync(
        int round, IReadOnlyList<CircuitClient> circuits, BrowserPages? browsers, CancellationToken ct)
    {
        // In turn, in a new random order each round: every sender sends once per turn, under the app's per-user limit.
        var senders = circuits.Where(c => Instance(c) == 1 && c.Failure is null).ToArray();
        Random.Shared.Shuffle(senders);
        var receivers = circuits.Select(c => c.Receiver).ToList();
        var first = chatLog.Count;
        var count = options.MessagesPerRound;
        var sends = new List<Task<double?>>(count);
        var cursor = 0;
        var cpu = new CpuMeter(appProcessIds);
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < count; k++)
        {
            await WaitUntilAsync(start, k / options.Rate, ct);
            CircuitClient? sender = null;
            while (sender is null)
            {
                // The composer ignores a send while its previous one is in flight, as a user's Enter would be.
                for (var j = 0; j < senders.Length && sender is null; j++)
                {
                    var candidate = senders[(cursor + j) % senders.Length];
                    if (!candidate.IsSending && candidate.Failure is null)
                    {
                        sender = candidate;
                        cursor = (cursor + j + 1) % senders.Length;
                    }
                }

                if (sender is null)
                {
                    if (Array.TrueForAll(senders, s => s.Failure is not null))
                    {
                        throw new InvalidOperationException($"Every sending circuit has ended: {senders[0].Failure}");
                    }

                    await Task.Delay(1, ct);
                }
            }

            sends.Add(SendAsync(sender, chatLog.Next(sender.Receiver.Index), ct));
        }

        var sendPhase = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var end = first + count;
        var sameExpected = (long)count * (receivers.Count(r => r.Instance == 1) - 1);
        var crossExpected = (long)count * receivers.Count(r => r.Instance != 1);
        await DrainAsync(chatLog, first, end, sameExpected + crossExpected, ct);
        var sendTimes = await Task.WhenAll(sends);

        var deliveries = receivers.SelectMany(r => r.DeliveriesBetween(first, end).Select(d => (r.Instance, d))).ToList();
        var browser = browsers is null ? [] : await BrowserSightingsAsync(browsers, first, end, count, ct);
        var (appCpu, toolCpu) = cpu.Percent();
        var result = Summarize(round, "chat", chatLog, first, end, sameExpected + crossExpected, deliveries) with
        {
            SendPhaseSeconds = sendPhase,
            AppCpuPercent = appCpu,
            ToolCpuPercent = toolCpu,
            SendFailures = sendTimes.Count(t => t is null),
            Send = Latency.Of(sendTimes.OfType<double>()),
            SameInstance = options.Instances > 1 ? Latency.Of(Latencies(chatLog, deliveries.Where(d => d.Instance == 1))) : null,
            CrossInstance = options.Instances > 1 ? Latency.Of(Latencies(chatLog, deliveries.Where(d => d.Instance != 1))) : null,
            CrossExpected = crossExpected,
            CrossReceived = deliveries.Count(d => d.Instance != 1),
            Browser = Latency.Of(browser),
            BrowserExpected = (long)count * (browsers?.Count ?? 0),
            BrowserReceived = browser.Count,
            DeadCircuits = circuits.Count(c => c.Failure is not null),
        };
        ProgressRound(result);
        return result;
    }

    private async Task<RoundResult> BaselineRoundAsync(int round, BroadcastBaseline baseline, CancellationToken ct)
    {
        var first = baselineLog.Count;
        var count = options.MessagesPerRound;
        var broadcasts = new List<Task>(count);
        var cpu = new CpuMeter(appProcessIds);
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < count; k++)
        {
            await WaitUntilAsync(start, k / options.Rate, ct);
            broadcasts.Add(baseline.BroadcastAsync(baselineLog.Next(-1)));
        }

        var sendPhase = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var end = first + count;
        var expected = (long)count * baseline.Receivers.Count;
        await DrainAsync(baselineLog, first, end, expected, ct);
        await Task.WhenAll(broadcasts);
        var deliveries = baseline.Receivers.SelectMany(r => r.DeliveriesBetween(first, end).Select(d => (r.Instance, d))).ToList();
        var (appCpu, toolCpu) = cpu.Percent();
        var result = Summarize(round, "baseline", baselineLog, first, end, expected, deliveries) with
        {
            SendPhaseSeconds = sendPhase,
            AppCpuPercent = appCpu,
            ToolCpuPercent = toolCpu,
        };
        ProgressRound(result);
        return result;
    }

    private async Task<double?> SendAsync(CircuitClient sender, int seq, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Drain + TimeSpan.FromSeconds(options.Seconds));
        chatLog.MarkSent(seq);
        try
        {
            var ok = await sender.SubmitAsync($"{chatLog.Token(seq)} hello from the load tool", timeout.Token);
            return ok ? Clock.Milliseconds(chatLog.SentAt(seq), Stopwatch.GetTimestamp()) : null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Waits until every expected delivery of messages first..end arrived, or the drain time is over.</summary>
    private async Task DrainAsync(MessageLog log, int first, int end, long expected, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (log.DeliveredBetween(first, end) < expected && Stopwatch.GetElapsedTime(started) < options.Drain)
        {
            await Task.Delay(20, ct);
        }
    }

    /// <summary>The browser pages' post-to-DOM times of messages first..end, waiting up to the drain time for all.</summary>
    private async Task<List<double>> BrowserSightingsAsync(BrowserPages browsers, int first, int end, int count, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var sightings = (await browsers.SightingsAsync()).Where(s => s.Seq >= first && s.Seq < end).ToList();
            if (sightings.Count >= count * browsers.Count || Stopwatch.GetElapsedTime(started) >= options.Drain)
            {
                return [.. sightings.Select(s => s.EpochMs - Clock.EpochMs(chatLog.SentAt(s.Seq)))];
            }

            await Task.Delay(100, ct);
        }
    }

    private static RoundResult Summarize(
        int round, string kind, MessageLog log, int first, int end, long expected, List<(int Instance, Delivery Delivery)> deliveries)
    {
        var latencies = Latencies(log, deliveries);
        var lastPerMessage = deliveries
            .GroupBy(d => d.Delivery.Seq)
            .Select(g => Clock.Milliseconds(log.SentAt(g.Key), g.Max(d => d.Delivery.ReceivedAt)));
        var lastArrival = deliveries.Count > 0 ? deliveries.Max(d => d.Delivery.ReceivedAt) : 0;
        var span = deliveries.Count > 0 ? Clock.Milliseconds(log.SentAt(first), lastArrival) / 1000 : 0;
        return new RoundResult
        {
            Round = round,
            Kind = kind,
            Messages = end - first,
            Expected = expected,
            Received = deliveries.Count,
            Delivery = Latency.Of(latencies),
            LastMember = Latency.Of(lastPerMessage),
            DeliveriesPerSecond = span > 0 ? deliveries.Count / span : 0,
        };
    }

    private static IEnumerable<double> Latencies(MessageLog log, IEnumerable<(int Instance, Delivery Delivery)> deliveries) =>
        deliveries.Select(d => Clock.Milliseconds(log.SentAt(d.Delivery.Seq), d.Delivery.ReceivedAt));

    private static async Task WaitUntilAsync(long start, double seconds, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(seconds) - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }
}
