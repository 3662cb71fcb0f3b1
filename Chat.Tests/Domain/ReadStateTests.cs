using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Tests.Support;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class ReadStateTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReadState_ByEachActor_OnlyMembersHaveOne(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var sent = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "hello", Guid.NewGuid());
        var members = Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden);

        await cast.ExpectAsync(members, (_, userId) => readState.GetUnreadAsync(userId, cast.CommunityId));
        await cast.ExpectAsync(members, (_, userId) => readState.MarkReadAsync(userId, cast.ChannelId, sent.Id));
        await cast.ExpectAsync(members, (_, userId) => readState.MarkUnreadAsync(userId, cast.ChannelId, sent.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetUnreadAsync_NewMessage_IsUnreadUntilMarkedRead(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var random = await db.Get<ChannelService>().CreateAsync(cast.Owner.Id, cast.CommunityId, "random");
        var sent = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "hello", Guid.NewGuid());

        var unread = await readState.GetUnreadAsync(cast.Member.Id, cast.CommunityId);
        await readState.MarkReadAsync(cast.Member.Id, cast.ChannelId, sent.Id);
        var read = await readState.GetUnreadAsync(cast.Member.Id, cast.CommunityId);

        Assert.Equal(
            [new ChannelUnread(cast.ChannelId, true, 0, 0), new ChannelUnread(random.Id, false, 0, 0)],
            unread.OrderBy(c => c.ChannelId));
        Assert.Equal(
            [new ChannelUnread(cast.ChannelId, false, 0, sent.Id), new ChannelUnread(random.Id, false, 0, 0)],
            read.OrderBy(c => c.ChannelId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetUnreadAsync_OnlyOwnMessages_IsNotUnread(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var theirs = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "hello @mia", Guid.NewGuid());
        await readState.MarkReadAsync(cast.Member.Id, cast.ChannelId, theirs.Id);

        await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hi, it's me, @mia", Guid.NewGuid());
        await messages.SendAsync(cast.Member.Id, cast.ChannelId, "anyone?", Guid.NewGuid());

        var channel = Assert.Single(await readState.GetUnreadAsync(cast.Member.Id, cast.CommunityId));
        Assert.False(channel.HasUnread);
        Assert.Equal(0, channel.MentionCount);
        Assert.True(Assert.Single(await readState.GetUnreadAsync(cast.Owner.Id, cast.CommunityId)).HasUnread);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MentionCounts_PerChannelAndCommunity_CountUnreadMentionsOfMembers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var random = await db.Get<ChannelService>().CreateAsync(cast.Owner.Id, cast.CommunityId, "random");
        var other = await db.Get<CommunityService>().CreateAsync(cast.Owner.Id, "Chess", null, isPublic: true);
        await db.Get<CommunityService>().JoinAsync(cast.Member.Id, other.Id);
        var otherChannel = other.FirstChannelId!.Value;

        await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "@mia look", Guid.NewGuid());
        await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "hey @MIA and @mia again", Guid.NewGuid());
        await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "mail mia@example.test or @nick (not a member)", Guid.NewGuid());
        var last = await messages.SendAsync(cast.Admin.Id, cast.ChannelId, "thanks, @mia.", Guid.NewGuid());
        await messages.SendAsync(cast.Admin.Id, random.Id, "@mia in random", Guid.NewGuid());
        await messages.SendAsync(cast.Owner.Id, otherChannel, "@mia, your move", Guid.NewGuid());

        var unread = (await readState.GetUnreadAsync(cast.Member.Id, cast.CommunityId)).ToDictionary(c => c.ChannelId);
        var perCommunity = await readState.GetMentionCountsAsync(cast.Member.Id);
        await readState.MarkReadAsync(cast.Member.Id, cast.ChannelId, last.Id);
        var afterReading = await readState.GetMentionCountsAsync(cast.Member.Id);

        Assert.Equal(3, unread[cast.ChannelId].MentionCount);
        Assert.Equal(1, unread[random.Id].MentionCount);
        Assert.Equal(new Dictionary<int, int> { [cast.CommunityId] = 4, [other.Id] = 1 }, perCommunity);
        Assert.Equal(new Dictionary<int, int> { [cast.CommunityId] = 1, [other.Id] = 1 }, afterReading);
        Assert.Empty(await readState.GetMentionCountsAsync(cast.NonMember.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetMentionCountsAsync_AfterLeaving_LeavesThatCommunityOut(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "@mia look", Guid.NewGuid());

        await db.Get<CommunityService>().LeaveAsync(cast.Member.Id, cast.CommunityId);

        Assert.Empty(await readState.GetMentionCountsAsync(cast.Member.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MarkReadAsync_OlderMessage_NeverMovesTheMarkerBack(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var readState = db.Get<ReadStateService>();
        var ids = await SendAsync(cast, 3);
        await readState.MarkReadAsync(cast.Member.Id, cast.ChannelId, ids[2]);

        await readState.MarkReadAsync(cast.Member.Id, cast.ChannelId, ids[0]);

        var channel = Assert.Single(await readState.GetUnreadAsync(cast.Member.Id, cast.CommunityId));
        Assert.Equal((false, ids[2]), (channel.HasUnread, channel.LastReadMessageId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MarkUnreadAsync_FromAMessage_MakesItAndLaterOnesUnread(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var ids = await SendAsync(cast, 4);
        await readState.MarkReadAsync(cast.Member.Id, cast.ChannelId, ids[3]);

        await readState.MarkUnreadAsync(cast.Member.Id, cast.ChannelId, ids[2]);
        var fromThird = Assert.Single(await readState.GetUnreadAsync(cast.Member.Id, cast.CommunityId));
        await readState.MarkUnreadAsync(cast.Member.Id, cast.ChannelId, ids[0]);
        var fromFirst = Assert.Single(await readState.GetUnreadAsync(cast.Member.Id, cast.CommunityId));

        // Each message mentions mia, so the badge counts exactly the messages that are unread again.
        Assert.Equal(new ChannelUnread(cast.ChannelId, true, 2, ids[1]), fromThird);
        Assert.Equal(new ChannelUnread(cast.ChannelId, true, 4, 0), fromFirst);
        Assert.Equal(new Dictionary<int, int> { [cast.CommunityId] = 4 }, await readState.GetMentionCountsAsync(cast.Member.Id));
    }

    /// <summary>Messages by the owner in #general, each mentioning mia; their ids, oldest first.</summary>
    private static async Task<long[]> SendAsync(Cast cast, int count)
    {
        var messages = cast.Db.Get<MessageService>();
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await messages.SendAsync(cast.Owner.Id, cast.ChannelId, $"@mia message {i}", Guid.NewGuid())).Id;
        }

        return ids;
    }
}
