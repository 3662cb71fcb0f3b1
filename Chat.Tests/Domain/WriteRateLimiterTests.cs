using Chat.Domain.RateLimiting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Tests.Domain;

public sealed class WriteRateLimiterTests
{
    private readonly FakeTimeProvider clock = new();
    private readonly FakeLogger<WriteRateLimiter> log = new();

    [Fact]
    public void Acquire_PastTheBurst_IsRefusedUntilTheClockRefillsOne()
    {
        var limiter = LimiterWithEdits(burst: 3, refill: TimeSpan.FromSeconds(1));
        Spend(limiter, 3);

        Assert.Throws<RateLimitedException>(() => limiter.Acquire(WriteAction.EditMessage, "ana"));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Throws<RateLimitedException>(() => limiter.Acquire(WriteAction.EditMessage, "ana"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        limiter.Acquire(WriteAction.EditMessage, "ana");
        Assert.Throws<RateLimitedException>(() => limiter.Acquire(WriteAction.EditMessage, "ana"));
    }

    [Fact]
    public void Acquire_AfterALongQuietSpell_AllowsTheBurstAndNoMore()
    {
        var limiter = LimiterWithEdits(burst: 3, refill: TimeSpan.FromSeconds(1));
        Spend(limiter, 3);

        // Long enough for the sweep to drop the refilled bucket: a new one starts full, not fuller.
        clock.Advance(TimeSpan.FromHours(1));

        Spend(limiter, 3);
        Assert.Throws<RateLimitedException>(() => limiter.Acquire(WriteAction.EditMessage, "ana"));
    }

    [Fact]
    public void Acquire_OneKindSpentByOneUser_LeavesOtherKindsAndOtherUsersFree()
    {
        var limiter = LimiterWithEdits(burst: 1, refill: TimeSpan.FromHours(1));
        Spend(limiter, 1);

        Assert.Throws<RateLimitedException>(() => limiter.Acquire(WriteAction.EditMessage, "ana"));
        limiter.Acquire(WriteAction.EditMessage, "ben");
        limiter.Acquire(WriteAction.DeleteMessage, "ana");
    }

    [Fact]
    public async Task Acquire_ManyAtOnce_GrantsExactlyTheBurst()
    {
        var limiter = LimiterWithEdits(burst: 50, refill: TimeSpan.FromHours(1));
        var granted = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                try
                {
                    limiter.Acquire(WriteAction.EditMessage, "ana");
                    Interlocked.Increment(ref granted);
                }
                catch (RateLimitedException)
                {
                    // Expected once the 50 are gone.
                }
            }
        })));

        Assert.Equal(50, granted);
    }

    [Fact]
    public void Acquire_RefusedAgainAndAgain_IsLoggedOncePerRunOfRefusals()
    {
        var limiter = LimiterWithEdits(burst: 1, refill: TimeSpan.FromSeconds(1));
        Spend(limiter, 1);

        for (var i = 0; i < 5; i++)
        {
            Assert.Throws<RateLimitedException>(() => limiter.Acquire(WriteAction.EditMessage, "ana"));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        Spend(limiter, 1);
        Assert.Throws<RateLimitedException>(() => limiter.Acquire(WriteAction.EditMessage, "ana"));

        Assert.Equal(2, log.Collector.Count);
        Assert.Equal("User ana reached the EditMessage limit; refused until the bucket refills", log.LatestRecord.Message);
    }

    private WriteRateLimiter LimiterWithEdits(int burst, TimeSpan refill) =>
        new(Options.Create(new WriteRateLimitOptions { Edit = new(burst, refill) }), clock, log);

    private static void Spend(WriteRateLimiter limiter, int count)
    {
        for (var i = 0; i < count; i++)
        {
            limiter.Acquire(WriteAction.EditMessage, "ana");
        }
    }
}
