namespace Chat.Load.Measuring;

/// <summary>A latency distribution in milliseconds: how many, median, 99th percentile, worst.</summary>
internal sealed record Latency(int Count, double P50, double P99, double Max)
{
    /// <summary>Nearest-rank percentiles; null when there is nothing to summarize.</summary>
    public static Latency? Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0 ? null : new Latency(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>The median of one figure over rounds, and its spread.</summary>
internal sealed record Spread(double Median, double Min, double Max)
{
    public static Spread? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }
}
