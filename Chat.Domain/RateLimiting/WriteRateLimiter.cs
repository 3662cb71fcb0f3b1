using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Domain.RateLimiting;

/// <summary>
/// A token bucket per user and kind of write. In the domain services, because circuit events never pass the HTTP
/// rate limiter; on the injected clock rather than System.Threading.RateLimiting, whose buckets read the system's
/// stopwatch, so that tests can move time. Each instance keeps its own buckets: behind a balancer a user's tabs on
/// two instances get two buckets, which still stops a flood.
/// </summary>
public sealed partial class WriteRateLimiter(
    IOptions<WriteRateLimitOptions> options, TimeProvider clock, ILogger<WriteRateLimiter> logger)
{
    // A full bucket is the same as none, so full ones are dropped now and then to keep the table small.
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(WriteAction Action, string UserId), Bucket> buckets = new();
    private long nextSweepTicks;

    /// <summary>
    /// Takes one write from the user's bucket, or throws <see cref="RateLimitedException"/>. Call it after the
    /// caller's rights and input are checked and before anything is written, so a refused write changes nothing.
    /// </summary>
    public void Acquire(WriteAction action, string? userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var limit = options.Value.For(action);
        var now = clock.GetUtcNow();
        SweepIfDue(now);
        while (true)
        {
            var bucket = buckets.GetOrAdd((action, userId), static (_, burst) => new Bucket(burst), limit.Burst);
            lock (bucket)
            {
                // Dropped by a sweep after this thread found it: take a fresh one from the table instead.
                if (bucket.Dropped)
                {
                    continue;
                }

                bucket.Refill(now, limit);
                if (bucket.Tokens < 1)
                {
                    // Once per run of refusals: a client that keeps hammering does not flood the log.
                    if (!bucket.Refusing)
                    {
                        bucket.Refusing = true;
                        LogLimitReached(logger, userId, action);
                    }

                    throw DomainErrors.SlowDown();
                }

                bucket.Tokens--;
                bucket.Refusing = false;
                return;
            }
        }
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, bucket) in buckets)
        {
            lock (bucket)
            {
                var limit = options.Value.For(key.Action);
                bucket.Refill(now, limit);
                if (bucket.Tokens >= limit.Burst)
                {
                    bucket.Dropped = true;
                    buckets.TryRemove(KeyValuePair.Create(key, bucket));
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} reached the {Action} limit; refused until the bucket refills")]
    private static partial void LogLimitReached(ILogger logger, string userId, WriteAction action);

    private sealed class Bucket(int burst)
    {
        public double Tokens { get; set; } = burst;

        /// <summary>The last take was refused; the next refusal is not logged again.</summary>
        public bool Refusing { get; set; }

        public DateTimeOffset? RefilledAt { get; private set; }

        public bool Dropped { get; set; }

        public void Refill(DateTimeOffset now, WriteRateLimit limit)
        {
            if (RefilledAt is { } last)
            {
                // A clock set back gives nothing, rather than taking tokens away.
                if (now <= last)
                {
                    return;
                }

                Tokens = Math.Min(limit.Burst, Tokens + ((now - last) / limit.Refill));
            }

            RefilledAt = now;
        }
    }
}
