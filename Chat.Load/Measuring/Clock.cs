using System.Diagnostics;

namespace Chat.Load.Measuring;

/// <summary>Stopwatch timestamps as milliseconds, and as Unix epoch milliseconds to compare with a browser's clock.</summary>
internal static class Clock
{
    private static readonly long OriginTimestamp = Stopwatch.GetTimestamp();
    private static readonly double OriginEpochMs = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    public static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    public static double EpochMs(long timestamp) => OriginEpochMs + Milliseconds(OriginTimestamp, timestamp);
}
