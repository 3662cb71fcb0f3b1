using System.Collections.Concurrent;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chat.Tests.Domain;

public sealed class ChatHubTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task Subscriber_OfTheCommunity_ReceivesEachChangeAfterItIsCommitted(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var hub = db.Get<ChatHub>();
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var channels = db.Get<ChannelService>();
        var communities = db.Get<CommunityService>();
        var seen = new ConcurrentQueue<string>();
        // Each handler reads the database on its own connection: what it sees there was committed before publishing.
        using var community = hub.Subscribe(Topics.Community(cast.CommunityId), async e => seen.Enqueue(await ObserveAsync(db, e)));
        using var user = hub.Subscribe(Topics.User(cast.NonMember.Id), async e => seen.Enqueue(await ObserveAsync(db, e)));

        var sent = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", Guid.NewGuid());
        await messages.EditAsync(cast.Member.Id, sent.Id, "hello again", sent.Version);
        await messages.NotifyTypingAsync(cast.Member.Id, cast.ChannelId);
        await messages.DeleteAsync(cast.Member.Id, sent.Id);
        var random = await channels.CreateAsync(cast.Admin.Id, cast.CommunityId, "random");
        await channels.UpdateAsync(cast.Admin.Id, random.Id, "off topic", "Anything");
        await channels.ReorderAsync(cast.Admin.Id, cast.CommunityId, [random.Id, cast.ChannelId]);
        await channels.DeleteAsync(cast.Admin.Id, random.Id);
        await communities.JoinAsync(cast.NonMember.Id, cast.CommunityId);
        var latest = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "welcome", Guid.NewGuid());
        await readState.MarkReadAsync(cast.NonMember.Id, cast.ChannelId, latest.Id);
        await communities.SetRoleAsync(cast.Owner.Id, cast.CommunityId, cast.NonMember.Id, MemberRole.Admin);
        await communities.KickAsync(cast.Owner.Id, cast.CommunityId, cast.NonMember.Id);
        await communities.UpdateAsync(cast.Owner.Id, cast.CommunityId, "Reading club", null, isPublic: true);
        await communities.DeleteAsync(cast.Owner.Id, cast.CommunityId, "Reading club");

        Assert.Equal(
            [
                "MessagePosted hello: stored",
                "MessageEdited hello again: stored",
                "UserTyping mia",
                "MessageDeleted: gone",
                "ChannelCreated random: stored",
                "ChannelUpdated off-topic: stored",
                "ChannelsReordered: stored",
                "ChannelDeleted: gone",
                "MemberJoined nick: stored",
                "MembershipsChanged nick: 1 communities",
                "MessagePosted welcome: stored",
                "ReadStateChanged: stored",
                "MemberRoleChanged nick Admin: stored",
                "MemberLeft nick: gone",
                "MembershipsChanged nick: 0 communities",
                "CommunityUpdated Reading club: stored",
                "CommunityDeleted: gone",
            ],
            seen);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task Subscriber_OfAnotherCommunity_ReceivesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var other = await db.Get<CommunityService>().CreateAsync(cast.NonMember.Id, "Chess", null, isPublic: true);
        var hub = db.Get<ChatHub>();
        var seen = new ConcurrentQueue<ChatEvent>();
        using var subscription = hub.Subscribe(Topics.Community(other.Id), e => { seen.Enqueue(e); return Task.CompletedTask; });
        using var userSubscription = hub.Subscribe(Topics.User(cast.NonMember.Id), e => { seen.Enqueue(e); return Task.CompletedTask; });

        var sent = await db.Get<MessageService>().SendAsync(cast.Member.Id, cast.ChannelId, "hello", Guid.NewGuid());
        await db.Get<ReadStateService>().MarkReadAsync(cast.Member.Id, cast.ChannelId, sent.Id);
        await db.Get<ChannelService>().CreateAsync(cast.Owner.Id, cast.CommunityId, "random");
        await db.Get<CommunityService>().KickAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id);

        Assert.Empty(seen);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task PublishAsync_ThrowingSubscribers_DoNotStopDeliveryToOthers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var hub = db.Get<ChatHub>();
        var topic = Topics.Community(cast.CommunityId);
        var seen = new ConcurrentQueue<ChatEvent>();
        using var throwsAtOnce = hub.Subscribe(topic, _ => throw new InvalidOperationException("dead circuit"));
        using var throwsLater = hub.Subscribe(topic, async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("dead circuit");
        });
        using var healthy = hub.Subscribe(topic, e => { seen.Enqueue(e); return Task.CompletedTask; });

        var sent = await db.Get<MessageService>().SendAsync(cast.Member.Id, cast.ChannelId, "hello", Guid.NewGuid());

        var posted = Assert.IsType<MessagePosted>(Assert.Single(seen));
        Assert.Equal(sent, posted.Message);
        Assert.Equal(1, await MessageSendingTests.CountMessagesAsync(db));
    }

    [Fact]
    public void Subscribe_ThenDispose_LeavesNoSubscribers()
    {
        var hub = new ChatHub(NullLogger<ChatHub>.Instance);
        var topic = Topics.Community(1);
        var first = hub.Subscribe(topic, _ => Task.CompletedTask);
        var second = hub.Subscribe(topic, _ => Task.CompletedTask);
        var other = hub.Subscribe(Topics.User("ana"), _ => Task.CompletedTask);
        Assert.Equal(2, hub.SubscriberCount(topic));

        first.Dispose();
        first.Dispose();
        second.Dispose();
        other.Dispose();

        Assert.Equal(0, hub.SubscriberCount(topic));
        Assert.Equal(0, hub.SubscriberCount(Topics.User("ana")));
    }

    [Fact]
    public async Task PublishAsync_AfterDispose_DoesNotCallTheHandler()
    {
        var hub = new ChatHub(NullLogger<ChatHub>.Instance);
        var calls = 0;
        var subscription = hub.Subscribe(Topics.Community(1), _ => { calls++; return Task.CompletedTask; });

        subscription.Dispose();
        await hub.PublishAsync(new ChannelDeleted(1, 2));

        Assert.Equal(0, calls);
    }

    /// <summary>What the database holds when the event arrives, as one line.</summary>
    private static async Task<string> ObserveAsync(TestDatabase db, ChatEvent e)
    {
        await using var c = await db.CreateContextAsync();
        static string Stored(bool found) => found ? "stored" : "MISSING";
        static string Gone(bool found) => found ? "STILL THERE" : "gone";
        return e switch
        {
            MessagePosted p => $"MessagePosted {p.Message.Content}: "
                + Stored(await c.Messages.AnyAsync(m => m.Id == p.Message.Id && m.Content == p.Message.Content)),
            MessageEdited p => $"MessageEdited {p.Message.Content}: "
                + Stored(await c.Messages.AnyAsync(m => m.Id == p.Message.Id && m.Content == p.Message.Content && m.Version == p.Message.Version)),
            MessageDeleted p => "MessageDeleted: " + Gone(await c.Messages.AnyAsync(m => m.Id == p.MessageId)),
            UserTyping p => $"UserTyping {p.DisplayName}",
            ChannelCreated p => $"ChannelCreated {p.Channel.Name}: " + Stored(await c.Channels.AnyAsync(ch => ch.Id == p.Channel.Id)),
            ChannelUpdated p => $"ChannelUpdated {p.Channel.Name}: "
                + Stored(await c.Channels.AnyAsync(ch => ch.Id == p.Channel.Id && ch.Name == p.Channel.Name && ch.Topic == p.Channel.Topic)),
            ChannelsReordered p => "ChannelsReordered: " + Stored(
                (await c.Channels.Where(ch => ch.CommunityId == p.CommunityId).OrderBy(ch => ch.Position).Select(ch => ch.Id).ToListAsync())
                .SequenceEqual(p.ChannelIds)),
            ChannelDeleted p => "ChannelDeleted: " + Gone(await c.Channels.AnyAsync(ch => ch.Id == p.ChannelId)),
            MemberJoined p => $"MemberJoined {p.Member.UserName}: "
                + Stored(await c.Memberships.AnyAsync(m => m.CommunityId == p.CommunityId && m.UserId == p.Member.UserId)),
            MemberLeft p => $"MemberLeft {await NameAsync(c, p.UserId)}: "
                + Gone(await c.Memberships.AnyAsync(m => m.CommunityId == p.CommunityId && m.UserId == p.UserId)),
            MemberRoleChanged p => $"MemberRoleChanged {await NameAsync(c, p.UserId)} {p.Role}: "
                + Stored(await c.Memberships.AnyAsync(m => m.CommunityId == p.CommunityId && m.UserId == p.UserId && m.Role == p.Role)),
            CommunityUpdated p => $"CommunityUpdated {p.Name}: "
                + Stored(await c.Communities.AnyAsync(x => x.Id == p.CommunityId && x.Name == p.Name)),
            CommunityDeleted p => "CommunityDeleted: " + Gone(await c.Communities.AnyAsync(x => x.Id == p.CommunityId)),
            MembershipsChanged p => $"MembershipsChanged {await NameAsync(c, p.UserId)}: "
                + $"{await c.Memberships.CountAsync(m => m.UserId == p.UserId)} communities",
            ReadStateChanged p => "ReadStateChanged: " + Stored(await c.ChannelReadStates.AnyAsync(
                r => r.UserId == p.UserId && r.ChannelId == p.ChannelId && r.LastReadMessageId == p.LastReadMessageId)),
            _ => e.GetType().Name,
        };
    }

    private static Task<string> NameAsync(ChatDbContext c, string userId) =>
        c.Users.Where(u => u.Id == userId).Select(u => u.UserName!).SingleAsync();
}
