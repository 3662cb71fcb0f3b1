using System.Collections.Concurrent;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Realtime;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

/// <summary>
/// A member removed from a server (or who left it) whose tab ignores the redirect away: every one of their
/// subscriptions of that server ends at once, in the hub and in the shared member rosters, while the others go on.
/// </summary>
public sealed class RemovedMemberTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task KickAsync_EndsEverySubscriptionOfTheKickedUserToThatServer_OthersKeepReceiving(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var communities = db.Get<CommunityService>();
        var messages = db.Get<MessageService>();
        var hub = db.Get<ChatHub>();
        var chess = await communities.CreateAsync(cast.Member.Id, "Chess", null, isPublic: true);
        var topic = Topics.Community(cast.CommunityId);
        // Mia has the server open in two tabs (each with several subscriptions) and another server in a third.
        var miaTabs = Enumerable.Range(0, 3).Select(_ => new ConcurrentQueue<ChatEvent>()).ToList();
        var miaChess = new ConcurrentQueue<ChatEvent>();
        var owner = new ConcurrentQueue<ChatEvent>();
        var subscriptions = miaTabs.Select(seen => hub.Subscribe(topic, cast.Member.Id, Record(seen)))
            .Append(hub.Subscribe(Topics.Community(chess.Id), cast.Member.Id, Record(miaChess)))
            .Append(hub.Subscribe(topic, cast.Owner.Id, Record(owner)))
            .ToList();

        await communities.KickAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id);
        await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "after the kick", Guid.NewGuid());
        await messages.NotifyTypingAsync(cast.Admin.Id, cast.ChannelId);
        await communities.JoinAsync(cast.NonMember.Id, cast.CommunityId);
        await messages.SendAsync(cast.Member.Id, chess.FirstChannelId!.Value, "still in chess", Guid.NewGuid());

        // Each of the kicked member's subscriptions is told it was removed, then hears nothing more of the server.
        Assert.All(miaTabs, seen => Assert.Equal(cast.Member.Id, Assert.IsType<MemberLeft>(Assert.Single(seen)).UserId));
        Assert.Equal(
            ["MemberLeft", "MessagePosted", "UserTyping", "MemberJoined"],
            owner.Select(e => e.GetType().Name));
        Assert.Equal("still in chess", Assert.IsType<MessagePosted>(Assert.Single(miaChess)).Message.Content);
        Assert.Equal(1, hub.SubscriberCount(topic));
        subscriptions.ForEach(s => s.Dispose());
        Assert.Equal(0, hub.SubscriberCount(topic));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task LeaveAsync_EndsTheLeaversSubscriptionsOfThatServer(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var hub = db.Get<ChatHub>();
        var mia = new ConcurrentQueue<ChatEvent>();
        using var subscription = hub.Subscribe(Topics.Community(cast.CommunityId), cast.Member.Id, Record(mia));

        await db.Get<CommunityService>().LeaveAsync(cast.Member.Id, cast.CommunityId);
        await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "after leaving", Guid.NewGuid());

        Assert.IsType<MemberLeft>(Assert.Single(mia));
        Assert.Equal(0, hub.SubscriberCount(Topics.Community(cast.CommunityId)));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task KickAsync_EndsTheKickedUsersRosterWatches_OthersGetTheNewRosters(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var communities = db.Get<CommunityService>();
        var directory = db.Get<MemberDirectory>();
        var miaRosters = new ConcurrentQueue<MemberRoster>();
        var ownerRosters = new ConcurrentQueue<MemberRoster>();
        using var miaWatch = directory.Watch(cast.CommunityId, cast.Member.Id, Record(miaRosters));
        using var ownerWatch = directory.Watch(cast.CommunityId, cast.Owner.Id, Record(ownerRosters));
        await directory.GetAsync(cast.CommunityId, cast.Owner.Id);

        await communities.KickAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id);
        await communities.JoinAsync(cast.NonMember.Id, cast.CommunityId);

        // Both changes may come as one roster or two (one rebuild per second at most): wait for the last one.
        await Wait.UntilAsync(() => ownerRosters.Any(r => r.Contains(cast.NonMember.Id)), "the owner's roster with nick");
        Assert.False(ownerRosters.Last().Contains(cast.Member.Id));
        // Mia's watches were the same kind and registered first: had they been kept, they would have been handed it too.
        Assert.Empty(miaRosters);
    }

    [Theory, OnPostgres]
    public async Task KickAsync_OnAnotherInstance_EndsTheKickedUsersSubscriptionsHereToo(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        await using var a = await RelayInstance.StartAsync(db.ConnectionString, "a");
        await using var b = await RelayInstance.StartAsync(db.ConnectionString, "b");
        var topic = Topics.Community(cast.CommunityId);
        var miaOnB = new ConcurrentQueue<ChatEvent>();
        var ownerOnB = new ConcurrentQueue<ChatEvent>();
        using var mia = b.Hub.Subscribe(topic, cast.Member.Id, Record(miaOnB));
        using var owner = b.Hub.Subscribe(topic, cast.Owner.Id, Record(ownerOnB));

        await a.Get<CommunityService>().KickAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id);
        await a.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "after the kick", Guid.NewGuid());

        await Wait.UntilAsync(() => ownerOnB.Any(e => e is MessagePosted), "b to receive the message sent on a");
        Assert.IsType<MemberLeft>(Assert.Single(miaOnB));
        Assert.Equal(1, b.Hub.SubscriberCount(topic));
    }

    private static Func<T, Task> Record<T>(ConcurrentQueue<T> seen) => e =>
    {
        seen.Enqueue(e);
        return Task.CompletedTask;
    };
}
