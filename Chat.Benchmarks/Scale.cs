namespace Chat.Benchmarks;

/// <summary>
/// Data sizes. The full run seeds 100,000 messages (twice: one channel history, 100 channels of unread) 10,000 servers, and 1,000,000 messages in one server for message search; --quick (a smoke run for CI) sets
/// <see cref="QuickEnvironmentVariable"/> and seeds 50 times less, so the benchmark names avoid the numbers.
/// </summary>
public static class Scale
{
    public const string QuickEnvironmentVariable = "CHAT_BENCH_QUICK";

    public static bool Quick => Environment.GetEnvironmentVariable(QuickEnvironmentVariable) == "1";

    public static int SmallChannelMessages => 100;

    public static int LargeChannelMessages => Quick ? 2_000 : 100_000;

    public static int Servers => Quick ? 200 : 10_000;

    public static int MessagesPerUnreadChannel => Quick ? 20 : 1_000;

    /// <summary>Messages of the one server that message search searches (MessageSearchBenchmarks).</summary>
    public static int SearchServerMessages => Quick ? 20_000 : 1_000_000;
}
