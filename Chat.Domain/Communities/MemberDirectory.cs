using Chat.Domain.Realtime;
using Microsoft.Extensions.Logging;

namespace Chat.Domain.Communities;

/// <summary>
/// One <see cref="MemberRoster"/> per community that some tab shows, shared by all of them. Without it every open
/// member list would load, hold and re-sort the whole membership itself, and redraw it for each presence change: with
/// N members online that is N copies and N² work. Here a community has one hub subscription; membership and
/// presence events only mark the roster stale, and it is rebuilt at most once per <see cref="RefreshEvery"/> (at once
/// when it has been quiet), with one database read for all watchers, who are then handed the new roster.
/// </summary>
public sealed partial class MemberDirectory(
    ChatHub hub,
    PresenceTracker presence,
    IDbContextFactory<ChatDbContext> dbFactory,
    TimeProvider clock,
    ILogger<MemberDirectory> logger)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(1);

    // Fields rather than captured parameters: the nested Entry reads them.
    private readonly ChatHub hub = hub;
    private readonly PresenceTracker presence = presence;
    private readonly IDbContextFactory<ChatDbContext> dbFactory = dbFactory;
    private readonly TimeProvider clock = clock;
    private readonly ILogger<MemberDirectory> logger = logger;
    private readonly Lock gate = new();
    private readonly Dictionary<int, Entry> entries = [];

    /// <summary>
    /// Keeps the community's roster current until disposed and calls <paramref name="changed"/> with each new one.
    /// Watch first, then <see cref="GetAsync"/>, so that no change between the two is missed.
    /// </summary>
    public IDisposable Watch(int communityId, Func<MemberRoster, Task> changed) => Watch(communityId, null, changed);

    /// <summary>
    /// Watches for what <paramref name="userId"/> sees: when that user leaves or is removed from the community, their
    /// watches end at once, in every tab, whether or not the tab follows its redirect away.
    /// </summary>
    public IDisposable Watch(int communityId, string? userId, Func<MemberRoster, Task> changed)
    {
        var watcher = new Watcher(this, communityId, userId, changed);
        lock (gate)
        {
            if (!entries.TryGetValue(communityId, out var entry))
            {
                entry = new Entry(this, communityId);
                entries.Add(communityId, entry);
                entry.Start();
            }

            entry.Watchers = entry.Watchers.Add(watcher);
        }

        return watcher;
    }

    /// <summary>The roster of a community the user belongs to: the shared one while it is watched.</summary>
    public async Task<MemberRoster> GetAsync(int communityId, string? userId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await Access.RequireMemberAsync(db, communityId, userId, ct);
        }

        Entry? entry;
        lock (gate)
        {
            entries.TryGetValue(communityId, out entry);
        }

        return entry is null ? await LoadAsync(communityId, ct) : await entry.CurrentAsync();
    }

    private async Task<MemberRoster> LoadAsync(int communityId, CancellationToken ct) =>
        MemberRoster.Build(await ReadMembersAsync(communityId, ct), presence.IsOnline);

    /// <summary>The one read of a whole membership, whether for a lone reader, a first load or a refresh.</summary>
    private async Task<IReadOnlyList<MemberView>> ReadMembersAsync(int communityId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CommunityService.MembersOfAsync(db, communityId, ct);
    }

    private void Unwatch(Watcher watcher) => RemoveWatchers(watcher.CommunityId, w => w == watcher);

    /// <summary>Ends the watches of a member who left or was removed. Says whether that ended the shared roster.</summary>
    private bool EndWatchesOf(int communityId, string userId) => RemoveWatchers(communityId, w => w.UserId == userId);

    /// <summary>Removes the matching watches; the last one to go ends the shared roster. Says whether it did.</summary>
    private bool RemoveWatchers(int communityId, Predicate<Watcher> match)
    {
        Entry? ended = null;
        lock (gate)
        {
            if (!entries.TryGetValue(communityId, out var entry))
            {
                return false;
            }

            entry.Watchers = entry.Watchers.RemoveAll(match);
            if (entry.Watchers.IsEmpty)
            {
                entries.Remove(communityId);
                ended = entry;
            }
        }

        ended?.Stop();
        return ended is not null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The member roster of community {CommunityId} could not be refreshed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, int communityId);

    private sealed class Watcher(MemberDirectory directory, int communityId, string? userId, Func<MemberRoster, Task> changed) : IDisposable
    {
        public int CommunityId { get; } = communityId;

        public string? UserId { get; } = userId;

        public Func<MemberRoster, Task> Changed { get; } = changed;

        public void Dispose() => directory.Unwatch(this);
    }

    private sealed class Entry(MemberDirectory directory, int communityId)
    {
        private readonly Lock gate = new();
        private IDisposable? subscription;
        private ITimer? timer;
        private Task<MemberRoster>? first;
        private MemberRoster? roster;
        private IReadOnlyList<MemberView> members = [];
        private bool membersStale;
        private bool presenceStale;
        private bool scheduled;
        private bool refreshing;
        private DateTimeOffset lastRefresh = DateTimeOffset.MinValue;

        public System.Collections.Immutable.ImmutableArray<Watcher> Watchers { get; set; } = [];

        public void Start()
        {
            // Subscribed before the first load, so a change committed meanwhile marks the loaded roster stale.
            subscription = directory.hub.Subscribe(Topics.Community(communityId), OnEventAsync);
            timer = directory.clock.CreateTimer(_ => _ = RefreshAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            first = FirstLoadAsync();
        }

        public void Stop()
        {
            subscription?.Dispose();
            timer?.Dispose();
        }

        public Task<MemberRoster> CurrentAsync()
        {
            lock (gate)
            {
                if (roster is not null)
                {
                    return Task.FromResult(roster);
                }

                // A first load that failed (the database was away) is tried again by the next reader.
                if (first is { IsFaulted: true } or { IsCanceled: true })
                {
                    first = FirstLoadAsync();
                }

                return first!;
            }
        }

        private async Task<MemberRoster> FirstLoadAsync()
        {
            var loaded = await directory.ReadMembersAsync(communityId, CancellationToken.None);
            lock (gate)
            {
                // A refresh that ran meanwhile (an event came during this load) read later data: it wins.
                if (roster is null)
                {
                    members = loaded;
                    roster = MemberRoster.Build(loaded, directory.presence.IsOnline);
                }

                return roster;
            }
        }

        private Task OnEventAsync(ChatEvent chatEvent)
        {
            // Before the refresh it schedules: the one who left is not handed the new roster, nor any later one.
            if (chatEvent is MemberLeft left && directory.EndWatchesOf(communityId, left.UserId))
            {
                return Task.CompletedTask;
            }

            lock (gate)
            {
                switch (chatEvent)
                {
                    case MemberJoined or MemberLeft or MemberRoleChanged or UserProfileChanged:
                        membersStale = true;
                        break;
                    case PresenceChanged:
                        presenceStale = true;
                        break;
                    default:
                        return Task.CompletedTask;
                }

                ScheduleLocked();
            }

            return Task.CompletedTask;
        }

        // At once after a quiet spell, else at the end of the current window: one rebuild per window at most.
        private void ScheduleLocked()
        {
            if (scheduled || refreshing)
            {
                return;
            }

            scheduled = true;
            var wait = lastRefresh + RefreshEvery - directory.clock.GetUtcNow();
            timer?.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        private async Task RefreshAsync()
        {
            bool reload;
            lock (gate)
            {
                scheduled = false;
                if (refreshing || (!membersStale && !presenceStale))
                {
                    return;
                }

                refreshing = true;
                reload = membersStale;
                membersStale = false;
                presenceStale = false;
                lastRefresh = directory.clock.GetUtcNow();
            }

            MemberRoster? next = null;
            try
            {
                IReadOnlyList<MemberView> current;
                if (reload)
                {
                    // Started after the event arrived, so it reads what the event's change committed.
                    current = await directory.ReadMembersAsync(communityId, CancellationToken.None);
                }
                else
                {
                    lock (gate)
                    {
                        current = members;
                    }
                }

                next = MemberRoster.Build(current, directory.presence.IsOnline);
                lock (gate)
                {
                    members = current;
                    roster = next;
                }
            }
#pragma warning disable CA1031 // A failed refresh keeps the last roster and is tried again in the next window.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRefreshFailed(directory.logger, e, communityId);
                lock (gate)
                {
                    membersStale |= reload;
                }
            }
            finally
            {
                lock (gate)
                {
                    refreshing = false;
                    if (membersStale || presenceStale)
                    {
                        ScheduleLocked();
                    }
                }
            }

            if (next is not null)
            {
                await Task.WhenAll(Watchers.Select(w => NotifyAsync(w, next)));
            }
        }

        private async Task NotifyAsync(Watcher watcher, MemberRoster next)
        {
            try
            {
                await watcher.Changed(next);
            }
#pragma warning disable CA1031 // A dead circuit must not keep the others from their roster.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRefreshFailed(directory.logger, e, communityId);
            }
        }
    }
}
