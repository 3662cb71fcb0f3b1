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
internal sealed partial class LoadRun(LoadOptions options, TextWriter progress)
{
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
