using System.Diagnostics;
using Chat.Load.Browsers;
using Chat.Load.Connections;
using Chat.Load.Measuring;
using Chat.Load.Report;
using Chat.Load.Setup;
using Chat.Tests.Support;

namespace Chat.Load;

/// <summary>Getting everyone connected: logins through the form, a circuit per user, the Chromium pages, and pings.</summary>
internal sealed partial class LoadRun
{
    private const int CircuitsAtOnce = 8;
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);

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
}
