using Microsoft.Extensions.Options;

namespace Chat.App.Security;

/// <summary>
/// Counts wrong passwords per account and client address, in memory: after
/// <see cref="LoginLockoutOptions.LoginFailuresAllowed"/> of them that address must wait
/// <see cref="LoginLockoutOptions.LoginLockout"/> before trying that account again. Keyed by address as well as
/// account so that a stranger's guesses slow the stranger down and never lock the owner out; guessing across
/// many addresses is what the per-address login post limit (<see cref="FormPostLimits"/>) makes slow.
/// Each instance counts on its own, like the post limit: a browser stays on one instance.
/// </summary>
public sealed class LoginThrottle(IOptions<LoginLockoutOptions> options, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string UserId, string Address), Entry> entries = [];
    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;

    public bool IsLocked(string userId, string address)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            return entries.TryGetValue((userId, address), out var entry) && entry.LockedUntil > now;
        }
    }

    public void RecordFailure(string userId, string address)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            SweepIfDue(now, settings.LoginLockout);
            var key = (userId, address);
            // Failures further apart than the lockout time do not add up.
            var entry = entries.TryGetValue(key, out var known) && now - known.LastFailure <= settings.LoginLockout
                ? known
                : new Entry(0, now, DateTimeOffset.MinValue);
            var failures = entry.Failures + 1;
            entries[key] = failures >= settings.LoginFailuresAllowed
                ? new Entry(0, now, now + settings.LoginLockout)
                : entry with { Failures = failures, LastFailure = now };
        }
    }

    public void RecordSuccess(string userId, string address)
    {
        lock (gate)
        {
            entries.Remove((userId, address));
        }
    }

    // Forgets entries that neither lock nor count any more, at most once per lockout time, so that memory follows
    // recent failures only.
    private void SweepIfDue(DateTimeOffset now, TimeSpan lockout)
    {
        if (now - lastSweep < lockout)
        {
            return;
        }

        lastSweep = now;
        foreach (var (key, entry) in entries.ToList())
        {
            if (entry.LockedUntil <= now && now - entry.LastFailure > lockout)
            {
                entries.Remove(key);
            }
        }
    }

    private sealed record Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);
}
