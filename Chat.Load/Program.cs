using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Chat.Load;
using Chat.Load.Report;

// Usage: see LoadOptions.Usage, README.md and docs/performance.md.
if (args.Any(a => a is "--help" or "-h"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

var options = LoadOptions.Parse(args, out var error);
if (options is null)
{
    await Console.Error.WriteLineAsync($"{error}\n\n{LoadOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource(options.EffectiveTimeout);
var signalled = false;
void Stop(PosixSignalContext context)
{
    // Not the default (end the process at once): the run stops, cleans up and prints what it has.
    context.Cancel = true;
    signalled = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

// A backstop for the bound: if stopping itself hangs (a child that will not die), the process still ends.
var watchdog = new Timer(
    _ =>
    {
        Console.Error.WriteLine("Chat.Load: cleanup did not finish within 2 minutes of the time bound; exiting.");
        Environment.Exit(3);
    },
    null,
    options.EffectiveTimeout + TimeSpan.FromMinutes(2),
    Timeout.InfiniteTimeSpan);
await using (watchdog)
{
    var report = await new LoadRun(options, Console.Out).RunAsync(stop.Token);
    if (report.Outcome == "stopped early")
    {
        report.Outcome = signalled
            ? "stopped by a signal (Ctrl+C or SIGTERM)"
            : $"stopped at the time bound ({options.EffectiveTimeout.TotalSeconds:0} s)";
    }

    Console.WriteLine();
    Console.WriteLine(SummaryTable.Format(report));
    if (options.JsonPath is { } path)
    {
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, JsonOptions.Report));
    }

    Debug.Assert(report.Outcome != "not started", "RunAsync always sets the outcome.");
    return report.Completed ? 0 : 1;
}
