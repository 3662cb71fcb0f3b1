using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Chat.Domain.Realtime;

/// <summary>
/// Who is online: a user with at least one connected tab, on this instance or another. This instance counts its
/// own connections; what it knows of the others comes from their presence events (a user's first tab or last
/// one on an instance, or all of an instance's users at once, sent when asked, now and then, and when stopping).
/// Each instance works out for itself when a user goes from offline to online or back, and tells that to its own
/// subscribers of the user's communities. An instance not heard of for a while (it crashed) is forgotten.
/// </summary>
public sealed class PresenceTracker : IDisposable
{
    private readonly ChatHub hub;
    private readonly IDbContextFactory<ChatDbContext> dbFactory;
    private readonly ChatInstance instance;
    private readonly PresenceOptions settings;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, int> connections = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly Dictionary<string, Elsewhere> elsewhere = new(StringComparer.Ordinal);
    private readonly IDisposable subscription;

    public PresenceTracker(
        ChatHub hub, IDbContextFactory<ChatDbContext> dbFactory, ChatInstance instance, IOptions<PresenceOptions> settings, TimeProvider clock)
    {
        this.hub = hub;
        this.dbFactory = dbFactory;
        this.instance = instance;
        this.settings = settings.Value;
        this.clock = clock;
        subscription = hub.Subscribe(Topics.Presence, ApplyAsync);
    }

    public bool IsOnline(string userId) => connections.ContainsKey(userId) || IsOnlineElsewhere(userId);

    public IReadOnlySet<string> OnlineAmong(IEnumerable<string> userIds) => userIds.Where(IsOnline).ToHashSet();

    public async Task ConnectedAsync(string userId, CancellationToken ct = default)
    {
        if (connections.AddOrUpdate(userId, 1, (_, count) => count + 1) == 1)
        {
            await hub.PublishAsync(new InstancePresenceChanged(instance.Id, userId, Online: true));
            if (!IsOnlineElsewhere(userId))
            {
                await AnnounceAsync(userId, online: true, ct);
            }
        }
    }

    public async Task DisconnectedAsync(string userId, CancellationToken ct = default)
    {
        var remaining = connections.AddOrUpdate(userId, 0, (_, count) => count - 1);
        if (remaining <= 0 && connections.TryRemove(new KeyValuePair<string, int>(userId, remaining)))
        {
            await hub.PublishAsync(new InstancePresenceChanged(instance.Id, userId, Online: false));
            if (!IsOnlineElsewhere(userId))
            {
                await AnnounceAsync(userId, online: false, ct);
            }
        }
    }

    /// <summary>Asks the other instances who is connected to them; the relay does when it (re)connects.</summary>
    public Task RequestReportsAsync()
    {
        // What was missed while this instance was cut off is no sign that the others are gone.
        var now = clock.GetUtcNow();
        lock (gate)
        {
            foreach (var other in elsewhere.Values)
            {
                other.LastHeard = now;
            }
        }

        return hub.PublishAsync(new PresenceRequested(instance.Id));
    }

    /// <summary>Tells the other instances who is connected here; also the sign that this instance is alive.</summary>
    public Task ReportAsync() => hub.PublishAsync(new InstancePresenceReported(instance.Id, [.. connections.Keys]));

    /// <summary>Tells the other instances that nobody is connected here any more; the relay does when it stops.</summary>
    public Task ReportStoppingAsync() => hub.PublishAsync(new InstancePresenceReported(instance.Id, []));

    /// <summary>Takes the users of instances not heard of in <see cref="PresenceOptions.ForgetAfter"/> for gone.</summary>
    public async Task ForgetSilentInstancesAsync()
    {
        var silentSince = clock.GetUtcNow() - settings.ForgetAfter;
        List<string> silent;
        lock (gate)
        {
            silent = [.. elsewhere.Where(e => e.Value.LastHeard < silentSince).Select(e => e.Key)];
        }

        foreach (var other in silent)
        {
            await ApplyAsync(new InstancePresenceReported(other, []));
        }
    }

    public void Dispose() => subscription.Dispose();

    private bool IsOnlineElsewhere(string userId)
    {
        lock (gate)
        {
            return elsewhere.Values.Any(other => other.Users.Contains(userId));
        }
    }

    private async Task ApplyAsync(ChatEvent chatEvent)
    {
        if (chatEvent is not PresenceEvent presence || presence.Instance == instance.Id)
        {
            return;
        }

        switch (presence)
        {
            case PresenceRequested:
                await ReportAsync();
                break;
            case InstancePresenceChanged changed:
                await ApplyAsync(changed.Instance, [changed.UserId], users =>
                {
                    if (changed.Online)
                    {
                        users.Add(changed.UserId);
                    }
                    else
                    {
                        users.Remove(changed.UserId);
                    }
                });
                break;
            case InstancePresenceReported reported:
                HashSet<string> before;
                lock (gate)
                {
                    before = elsewhere.TryGetValue(reported.Instance, out var known) ? [.. known.Users] : [];
                }

                await ApplyAsync(reported.Instance, before.Union(reported.UserIds), users =>
                {
                    users.Clear();
                    users.UnionWith(reported.UserIds);
                });
                break;
        }
    }

    /// <summary>Changes what is known of another instance, and announces the users whose presence that changed.</summary>
    private async Task ApplyAsync(string otherInstance, IEnumerable<string> affected, Action<HashSet<string>> change)
    {
        var candidates = affected.ToList();
        var wasOnline = candidates.ToDictionary(u => u, IsOnline, StringComparer.Ordinal);
        lock (gate)
        {
            if (!elsewhere.TryGetValue(otherInstance, out var other))
            {
                elsewhere[otherInstance] = other = new Elsewhere();
            }

            other.LastHeard = clock.GetUtcNow();
            change(other.Users);
            if (other.Users.Count == 0)
            {
                elsewhere.Remove(otherInstance);
            }
        }

        foreach (var userId in candidates)
        {
            var online = IsOnline(userId);
            if (online != wasOnline[userId])
            {
                await AnnounceAsync(userId, online, CancellationToken.None);
            }
        }
    }

    // Worked out on every instance from what it knows, so it goes to this instance's subscribers only.
    private async Task AnnounceAsync(string userId, bool online, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communities = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.CommunityId).ToListAsync(ct);
        foreach (var communityId in communities)
        {
            await hub.DeliverAsync(Topics.Community(communityId), new PresenceChanged(communityId, userId, online));
        }
    }

    /// <summary>Who is connected to another instance, and when that instance last said anything.</summary>
    private sealed class Elsewhere
    {
        public HashSet<string> Users { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset LastHeard { get; set; }
    }
}
