using System.Diagnostics;
using System.Globalization;
using Chat.Load.Baseline;
using Chat.Load.Browsers;
using Chat.Load.Connections;
using Chat.Load.Measuring;
using Chat.Load.Report;
using Chat.Load.Setup;
using Chat.Tests.Support;

namespace Chat.Load;

/// <summary>
/// One run, start to end: a fresh database and the app, the users logged in, a circuit per user on the channel,
/// then rounds of sends, chat and baseline interleaved. Whatever happens, the app, the database and the browsers
/// are gone when it returns, and the report holds every round that finished.
/// </summary>
internal sealed class LoadRun(LoadOptions options, TextWriter progress)
{
    private const int CircuitsAtOnce = 8;
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);

    private readonly long startedAt = Stopwatch.GetTimestamp();
    private readonly MessageLog chatLog = new(options.Rounds * options.MessagesPerRound);
    private readonly MessageLog baselineLog = new(options.Rounds * options.MessagesPerRound);
    private int[] appProcessIds = [];

    public async Task<LoadReport> RunAsync(CancellationToken ct)
    {
        var report = new LoadReport(options, Machine.Current());
        Progress($"Chat.Load {report.Parameters}");
        Progress($"machine: {report.Machine}");
        try
        {
            await RunCoreAsync(report, ct);
            report.Completed = true;
            report.Outcome = "completed";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            report.Outcome = "stopped early";
        }
#pragma warning disable CA1031 // The run reports its failure with whatever it measured before; the caller sets the exit code.
        catch (Exception e)
#pragma warning restore CA1031
        {
            report.Outcome = "failed";
            report.Error = e.Message;
            Progress($"failed: {e}");
        }

        report.ElapsedSeconds = Stopwatch.GetElapsedTime(startedAt).TotalSeconds;
        return report;
    }

    private async Task RunCoreAsync(LoadReport report, CancellationToken ct)
    {
        await using var database = await LoadDatabase.CreateAsync(options.Database, ct);
        var seeded = await Seeding.SeedAsync(database.Settings, options.Users, ct);
        Progress($"seeded {options.Users} users, one server, #general ({options.Database})");

        var environment = new Dictionary<string, string>(database.AppEnvironment)
        {
            // Every user logs in from 127.0.0.1; the per-address limit is for attackers, not for this.
            ["Auth__LoginPostsPerMinute"] = "1000000",
        };
        await using var apps = new DisposableList<AppProcess>();
        for (var i = 0; i < options.Instances; i++)
        {
            // Instance:Name tells instances apart in the relay between them (where the app has one).
            environment["Instance__Name"] = $"load-{i + 1}";
            apps.Add(await AppProcess.StartAsync(new Dictionary<string, string>(environment), ct: ct));
            Progress($"app instance {i + 1} on {apps[i].BaseUrl} (pid {apps[i].ProcessId})");
        }

        appProcessIds = [.. apps.Select(a => a.ProcessId)];
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            Timeout = OpenTimeout,
        };
        var cookies = await LogInAsync(http, apps, seeded, report, ct);

        foreach (var app in apps)
        {
            report.WorkingSetBeforeMb.Add(Machine.ResidentMb(app.ProcessId));
        }

        await using var circuits = await OpenCircuitsAsync(http, apps, seeded, cookies, report, ct);
        using var pinging = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pinger = PingAsync(circuits, pinging.Token);
        try
        {
            await using var browsers = options.Browsers > 0
                ? await OpenBrowsersAsync(apps[0], seeded, cookies, report, ct)
                : null;

            // Let the circuits' start-up work and garbage settle before reading the app's memory.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(3, 1 + (options.Users / 100.0))), ct);
            foreach (var app in apps)
            {
                report.WorkingSetAfterMb.Add(Machine.ResidentMb(app.ProcessId));
            }

            Progress($"app working set {Mb(report.WorkingSetBeforeMb)} before circuits, {Mb(report.WorkingSetAfterMb)} with "
                + $"{report.ProtocolCircuits + report.BrowserPages} idle circuits ({report.WorkingSetPerCircuitKb:0} KB each)");

            await using var baseline = await BroadcastBaseline.StartAsync(options.Users, baselineLog, ct);
            Progress($"baseline: {options.Users} raw WebSocket clients on a SignalR hub in this process");

            for (var round = 1; round <= options.Rounds; round++)
            {
                report.Rounds.Add(await ChatRoundAsync(round, circuits, browsers, ct));
                report.Rounds.Add(await BaselineRoundAsync(round, baseline, ct));
            }
        }
        finally
        {
            await pinging.CancelAsync();
            await pinger;
            foreach (var ending in circuits.Where(c => c.Failure is not null).GroupBy(c => c.Failure!))
            {
                report.CircuitEndings[ending.Key] = ending.Count();
            }

            ReportAppOutput(apps);
        }
    }

    /// <summary>
    /// The app logs at Warning: what it logged, each kind of entry once (level, category and first message line)
    /// with how often, says what went wrong inside it.
    /// </summary>
    private void ReportAppOutput(List<AppProcess> apps)
    {
        for (var i = 0; i < apps.Count; i++)
        {
            var lines = apps[i].Output.Split('\n');
            var entries = lines
                .Select((line, at) => (line, at))
                .Where(l => l.line.StartsWith("warn:", StringComparison.Ordinal) || l.line.StartsWith("fail:", StringComparison.Ordinal)
                    || l.line.StartsWith("crit:", StringComparison.Ordinal))
                .Select(l => $"{l.line.Trim()} {(l.at + 1 < lines.Length ? lines[l.at + 1].Trim() : "")}")
                .GroupBy(entry => entry)
                .OrderByDescending(g => g.Count())
                .ToList();
            if (entries.Count > 0)
            {
                Progress($"app instance {i + 1} logged {entries.Sum(e => e.Count())} warnings or errors:");
                foreach (var entry in entries.Take(8))
                {
                    progress.WriteLine($"    {entry.Count()} × {entry.Key}");
                }
            }
        }
    }

    private async Task<AuthCookie[]> LogInAsync(
        HttpClient http, List<AppProcess> apps, SeededCommunity seeded, LoadReport report, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var cookies = new AuthCookie[options.Users];
        // PBKDF2 is CPU work on the server: more logins at once than it has cores only queue up.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Users), parallel, async (user, token) =>
        {
            var app = apps[InstanceOf(user) - 1];
            cookies[user] = await Logins.LogInAsync(http, app.BaseUrl, seeded.UserNames[user], seeded.Password, token);
        });
        report.LoginSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Progress($"logged in {options.Users} users through the login form in {report.LoginSeconds:0.0} s "
            + $"({options.Users / report.LoginSeconds:0.0}/s)");
        return cookies;
    }

    private async Task<DisposableList<CircuitClient>> OpenCircuitsAsync(
        HttpClient http,
        List<AppProcess> apps,
        SeededCommunity seeded,
        AuthCookie[] cookies,
        LoadReport report,
        CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var opened = new CircuitClient?[options.ProtocolClients];
        var failures = new List<string>();
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = CircuitsAtOnce, CancellationToken = ct };
        var circuits = new DisposableList<CircuitClient>();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, options.ProtocolClients), parallel, async (user, token) =>
            {
                var instance = InstanceOf(user);
                var page = new Uri(apps[instance - 1].BaseUrl, seeded.ChannelPath);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(OpenTimeout);
                try
                {
                    opened[user] = await CircuitClient.OpenAsync(http, page, cookies[user], new Receiver(chatLog, user, instance), timeout.Token);
                }
                catch (Exception e) when (!token.IsCancellationRequested
                    && e is InvalidOperationException or HttpRequestException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
                {
                    var reason = e is OperationCanceledException ? $"not open within {OpenTimeout.TotalSeconds:0} s" : e.Message;
                    lock (failures)
                    {
                        failures.Add($"user {user}: {reason}");
                    }
                }

                var count = Interlocked.Increment(ref done);
                if (count % Math.Max(50, options.ProtocolClients / 10) == 0)
                {
                    var memory = apps.Sum(a => Machine.ResidentMb(a.ProcessId));
                    Progress($"  {count}/{options.ProtocolClients} circuits ({count / Stopwatch.GetElapsedTime(started).TotalSeconds:0.0}/s), "
                        + $"app working set {memory:0} MB");
                    if (memory > options.MaxAppMemoryMb)
                    {
                        // The machine is shared: better a run that stops with this figure than one the OOM killer ends.
                        throw new InvalidOperationException(
                            $"The app's working set reached {memory:0} MB with {count} circuits, over --max-app-memory {options.MaxAppMemoryMb} MB.");
                    }
                }
            });
        }
        finally
        {
            // Also when stopped half way: the table shows how far it got, and with how much memory.
            circuits.AddRange(opened.OfType<CircuitClient>());
            report.CircuitSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            report.ProtocolCircuits = circuits.Count;
            report.FailedCircuits = failures.Count;
            report.FirstCircuitFailure = failures.FirstOrDefault();
            Progress($"opened {circuits.Count} circuits in {report.CircuitSeconds:0.0} s ({report.CircuitsPerSecond:0.0}/s)"
                + (failures.Count > 0 ? $"; {failures.Count} failed, first: {failures[0]}" : ""));
            if (circuits.Count < options.ProtocolClients - failures.Count)
            {
                report.WorkingSetAfterMb.AddRange(apps.Select(a => Machine.ResidentMb(a.ProcessId)));
                await circuits.DisposeAsync();
            }
        }

        if (circuits.Count(c => Instance(c) == 1) < 2)
        {
            await circuits.DisposeAsync();
            throw new InvalidOperationException($"Too few circuits to send and receive. {failures.FirstOrDefault()}");
        }

        return circuits;
    }

    private async Task<BrowserPages> OpenBrowsersAsync(
        AppProcess app, SeededCommunity seeded, AuthCookie[] cookies, LoadReport report, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var pages = await BrowserPages.OpenAsync(app.BaseUrl, seeded.ChannelPath, cookies[options.ProtocolClients..], chatLog.Prefix, ct);
        report.BrowserPages = pages.Count;
        Progress($"opened {pages.Count} Chromium pages in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return pages;
    }

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

    /// <summary>SignalR closes a connection that sent nothing for 30 s; idle circuits ping like browsers do.</summary>
    private static async Task PingAsync(IReadOnlyList<CircuitClient> circuits, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(PingEvery);
        try
        {
            // Many at once: a circuit whose server is slow to read must not hold back the pings of the others.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct };
            while (await timer.WaitForNextTickAsync(ct))
            {
                await Parallel.ForEachAsync(circuits, parallel, async (circuit, token) =>
                {
                    try
                    {
                        await circuit.PingAsync(token);
                    }
                    catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or InvalidOperationException)
                    {
                        // The circuit's receive loop reports why it ended.
                    }
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task WaitUntilAsync(long start, double seconds, CancellationToken ct)
    {
        var wait = TimeSpan.FromSeconds(seconds) - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }

    /// <summary>Protocol clients alternate between instances; browser users and senders are on instance 1.</summary>
    private int InstanceOf(int user) => user < options.ProtocolClients ? (user % options.Instances) + 1 : 1;

    private static int Instance(CircuitClient circuit) => circuit.Receiver.Instance;

    private void ProgressRound(RoundResult r) =>
        Progress($"round {r.Round} {r.Kind}: {r.Messages} messages, {r.Received}/{r.Expected} delivered, "
            + $"p50 {r.Delivery?.P50:0.0} ms, p99 {r.Delivery?.P99:0.0} ms, {r.DeliveriesPerSecond:0}/s, "
            + $"sent in {r.SendPhaseSeconds:0.0} s, CPU app {r.AppCpuPercent:0}% tool {r.ToolCpuPercent:0}%"
            + (r.Browser is { } b ? $"; browsers p50 {b.P50:0.0} ms, p99 {b.P99:0.0} ms ({r.BrowserReceived}/{r.BrowserExpected})" : ""));

    private void Progress(string line) =>
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{Stopwatch.GetElapsedTime(startedAt).TotalSeconds,6:0.0} s] {line}"));

    private static string Mb(List<double> values) => string.Join(" + ", values.Select(v => $"{v:0} MB"));
}
