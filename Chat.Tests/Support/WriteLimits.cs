using Chat.Domain.RateLimiting;

namespace Chat.Tests.Support;

/// <summary>
/// Write rate limits for a test's services, registered after AddChatDomain's (and the app's configuration) so they
/// win: <c>TestDatabase.CreateAsync(provider, WriteLimits.All(burst: 3))</c>.
/// </summary>
public static class WriteLimits
{
    /// <summary>Long enough that no bucket refills while a test runs.</summary>
    public static readonly TimeSpan NoRefill = TimeSpan.FromHours(1);

    /// <summary>Every kind of write allows <paramref name="burst"/> at once and then, for the test, no more.</summary>
    public static Action<IServiceCollection> All(int burst) => Set(Enum.GetValues<WriteAction>(), burst, NoRefill);

    /// <summary>One kind of write limited as given, the others at their defaults.</summary>
    public static Action<IServiceCollection> Only(WriteAction action, int burst, TimeSpan refill) => Set([action], burst, refill);

    /// <summary>For tests that seed through the services and are not about limits.</summary>
    public static Action<IServiceCollection> Unlimited { get; } =
        Set(Enum.GetValues<WriteAction>(), 1_000_000_000, TimeSpan.FromMilliseconds(1));

    private static Action<IServiceCollection> Set(IReadOnlyList<WriteAction> actions, int burst, TimeSpan refill) =>
        services => services.Configure<WriteRateLimitOptions>(options =>
        {
            foreach (var action in actions)
            {
                var limit = options.For(action);
                limit.Burst = burst;
                limit.Refill = refill;
            }
        });
}
