using System.Diagnostics;
using Chat.Load.Report;

namespace Chat.Load.Measuring;

/// <summary>
/// CPU used by the app process(es) and by this tool over a stretch of wall time, in % of one core: on a shared
/// two-core machine it tells a slow app from a starved one.
/// </summary>
internal sealed class CpuMeter
{
    private readonly IReadOnlyList<int> appProcessIds;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly TimeSpan appAtStart;
    private readonly TimeSpan toolAtStart;

    public CpuMeter(IReadOnlyList<int> appProcessIds)
    {
        this.appProcessIds = appProcessIds;
        appAtStart = AppCpu();
        toolAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public (double App, double Tool) Percent()
    {
        var wall = Stopwatch.GetElapsedTime(started);
        var app = AppCpu() - appAtStart;
        var tool = Process.GetCurrentProcess().TotalProcessorTime - toolAtStart;
        return (100 * app / wall, 100 * tool / wall);
    }

    private TimeSpan AppCpu() => appProcessIds.Aggregate(TimeSpan.Zero, (sum, pid) => sum + Machine.CpuTime(pid));
}
