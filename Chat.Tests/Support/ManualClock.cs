namespace Chat.Tests.Support;

/// <summary>
/// A clock that moves only when a test moves it, so expiry can be tested without waiting a week:
/// <c>TestDatabase.CreateAsync(provider, services => services.AddSingleton&lt;TimeProvider&gt;(clock))</c>.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly Lock gate = new();
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
        lock (gate)
        {
            now += by;
        }
    }

    /// <summary>A database whose services read this clock.</summary>
    public Task<TestDatabase> CreateDatabaseAsync(Chat.Domain.Data.DatabaseProvider provider) =>
        TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(this));
}
