namespace Chat.Tests.Support;

/// <summary>
/// A clock that moves only when a test moves it, so expiry can be tested without waiting a week:
/// <c>TestDatabase.CreateAsync(provider, services => services.AddSingleton&lt;TimeProvider&gt;(clock))</c>.
/// Its timers fire inside <see cref="Advance"/>, when the clock passes their due time, so code that waits or
/// coalesces through <see cref="TimeProvider.CreateTimer"/> can be tested without sleeping.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (gate)
        {
            now += by;
            due = [.. timers.Where(t => t.DueAt <= now)];
        }

        // Outside the lock: a callback may read the clock or change its own timer.
        foreach (var timer in due)
        {
            timer.Fire(now);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (gate)
        {
            timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>A database whose services read this clock.</summary>
    public Task<TestDatabase> CreateDatabaseAsync(Chat.Domain.Data.DatabaseProvider provider) =>
        TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(this));

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                this.period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : clock.now + dueTime;
            }

            // Due now: fires at once, as a real timer would, on another thread.
            if (dueTime == TimeSpan.Zero)
            {
                var at = clock.GetUtcNow();
                ThreadPool.QueueUserWorkItem(_ => Fire(at));
            }

            return true;
        }

        public void Fire(DateTimeOffset at)
        {
            lock (clock.gate)
            {
                if (DueAt > at)
                {
                    return;
                }

                DueAt = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? DateTimeOffset.MaxValue : at + period;
            }

            callback(state);
        }

        public void Dispose()
        {
            lock (clock.gate)
            {
                DueAt = DateTimeOffset.MaxValue;
                clock.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
