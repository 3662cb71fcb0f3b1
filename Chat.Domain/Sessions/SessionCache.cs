using Chat.Domain.Realtime;
using Microsoft.Extensions.Caching.Memory;

namespace Chat.Domain.Sessions;

/// <summary>
/// What this instance knows of sessions, so that checking a cookie costs no database round trip while nothing
/// changed: filled from the database on a miss, and told of each revocation by the hub, whether it happened here or,
/// through the relay, on another instance. Any entry may be evicted; the next check then reads the database again.
/// </summary>
public sealed class SessionCache : IDisposable
{
    // A few megabytes at most; beyond that the least used entries go, and only cost a query when next needed.
    private const int Capacity = 100_000;

    private static readonly MemoryCacheEntryOptions EntryOptions = new()
    {
        Size = 1,
        SlidingExpiration = TimeSpan.FromMinutes(30),
    };

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly Lock gate = new();
    private readonly ChatHub hub;
    private readonly IDisposable subscription;
    private long revocationsHeard;

    public SessionCache(ChatHub hub)
    {
        this.hub = hub;
        subscription = hub.Subscribe(Topics.Sessions, OnEventAsync);
    }

    /// <summary>
    /// Take it before reading the database and hand it to <see cref="Store"/>: a revocation heard in between may
    /// have come after the read, and then the read is not stored.
    /// </summary>
    public long Version
    {
        get
        {
            lock (gate)
            {
                return revocationsHeard;
            }
        }
    }

    /// <summary>The session's user while it is active; null once it is revoked (or unknown).</summary>
    public bool TryGet(string sessionId, out string? activeUserId)
    {
        if (entries.TryGetValue(sessionId, out CachedSession? cached) && cached is not null)
        {
            activeUserId = cached.ActiveUserId;
            return true;
        }

        activeUserId = null;
        return false;
    }

    public void Store(string sessionId, string? activeUserId, long version)
    {
        lock (gate)
        {
            if (version == revocationsHeard)
            {
                entries.Set(sessionId, new CachedSession(activeUserId), EntryOptions);
            }
        }
    }

    public void Dispose()
    {
        subscription.Dispose();
        entries.Dispose();
    }

    private async Task OnEventAsync(ChatEvent chatEvent)
    {
        if (chatEvent is not SessionsRevoked revoked)
        {
            return;
        }

        lock (gate)
        {
            revocationsHeard++;
            foreach (var sessionId in revoked.SessionIds)
            {
                // Kept as revoked rather than removed, so that a replayed cookie costs no query either.
                entries.Set(sessionId, CachedSession.Revoked, EntryOptions);
            }
        }

        // Only now, so that a circuit told of its end already finds its session refused.
        foreach (var sessionId in revoked.SessionIds)
        {
            await hub.DeliverAsync(Topics.Session(sessionId), revoked);
        }
    }

    private sealed record CachedSession(string? ActiveUserId)
    {
        public static readonly CachedSession Revoked = new((string?)null);
    }
}
