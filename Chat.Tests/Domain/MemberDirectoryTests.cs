using System.Collections.Concurrent;
using System.Data.Common;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Tests.Domain;

public sealed class MemberDirectoryTests
{
    private const int Watchers = 50;

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ManyWatchers_OfACommunity_ShareOneRosterAndOneReadPerChange(DatabaseProvider provider)
    {
        var reads = new MemberReadCounter();
        await using var db = await TestDatabase.CreateAsync(provider,
            services => services.ConfigureDbContext<ChatDbContext>(options => options.AddInterceptors(reads)));
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var directory = db.Get<MemberDirectory>();
        var received = new ConcurrentQueue<MemberRoster>();
        var watches = Enumerable.Range(0, Watchers)
            .Select(_ => directory.Watch(cast.CommunityId, roster =>
            {
                received.Enqueue(roster);
                return Task.CompletedTask;
            }))
            .ToList();
        var opened = await Task.WhenAll(Enumerable.Range(0, Watchers).Select(_ => directory.GetAsync(cast.CommunityId, cast.Member.Id)));
        Assert.Single(opened.Distinct());
        Assert.Equal(1, reads.Count);

        await db.Get<CommunityService>().JoinAsync(cast.NonMember.Id, cast.CommunityId);

        var rosters = await ReceiveAsync(received, Watchers);
        var roster = Assert.Single(rosters.Distinct());
        Assert.True(roster.Contains(cast.NonMember.Id));
        Assert.Equal(2, reads.Count);
        watches.ForEach(w => w.Dispose());
        Assert.Equal(0, db.Get<ChatHub>().SubscriberCount(Topics.Community(cast.CommunityId)));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task PresenceChange_ReordersTheSharedRosterWithoutReading(DatabaseProvider provider)
    {
        var reads = new MemberReadCounter();
        await using var db = await TestDatabase.CreateAsync(provider,
            services => services.ConfigureDbContext<ChatDbContext>(options => options.AddInterceptors(reads)));
        var cast = await Cast.CreateAsync(db);
        var directory = db.Get<MemberDirectory>();
        var received = new ConcurrentQueue<MemberRoster>();
        using var watch = directory.Watch(cast.CommunityId, roster =>
        {
            received.Enqueue(roster);
            return Task.CompletedTask;
        });
        var before = await directory.GetAsync(cast.CommunityId, cast.Owner.Id);
        Assert.DoesNotContain(true, before.Online);

        await db.Get<PresenceTracker>().ConnectedAsync(cast.Member.Id);

        var after = Assert.Single(await ReceiveAsync(received, 1));
        Assert.Equal(
            [(MemberRole.Owner, "olga", false), (MemberRole.Admin, "adam", false), (MemberRole.Member, "mia", true)],
            after.Members.Select((m, i) => (m.Role, m.UserName, after.Online[i])));
        Assert.Equal(1, reads.Count);
    }

    private static async Task<IReadOnlyList<MemberRoster>> ReceiveAsync(ConcurrentQueue<MemberRoster> received, int count)
    {
        await Wait.UntilAsync(() => received.Count >= count, $"{count} roster(s) to arrive");
        return [.. received];
    }

    /// <summary>Counts the reads of a whole member list (the query ordered by role), whoever asks for it.</summary>
    private sealed class MemberReadCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            // SQLite writes "m"."Role", PostgreSQL m."Role", MySQL `m`.`Role`.
            var sql = command.CommandText.Replace('`', '"');
            if (sql.Contains("FROM \"Memberships\"", StringComparison.Ordinal)
                && sql.Contains(".\"Role\" DESC", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref count);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
