using Chat.Domain;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Notifications;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class ReplyTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_ByEachActor_OnlyMembersMayReply(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "who is in?", Guid.NewGuid());

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            (actor, userId) => messages.ReplyAsync(userId, cast.ChannelId, original.Id, $"{actor} is", Guid.NewGuid()));

        var replies = (await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Owner.Id)).Skip(1).ToList();
        Assert.Equal(["Owner is", "Admin is", "Member is"], replies.Select(m => m.Content));
        Assert.All(replies, r => Assert.Equal(original.Id, r.ReplyToId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_ToAMessageOfTheChannel_StoresItAndShowsTheQuoteEverywhere(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "Picnic <b>at noon</b>?\nBring **food**", Guid.NewGuid());
        using var recorder = new EventRecorder(db.Get<ChatHub>(), Topics.Community(cast.CommunityId));

        var reply = await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "yes <script>x</script>", Guid.NewGuid());

        var expected = new ReplyQuote(original.Id, "olga", "Picnic <b>at noon</b>? Bring **food**");
        Assert.Equal((original.Id, expected), (reply.ReplyToId, reply.ReplyTo));
        Assert.False(reply.RepliesToDeleted);
        Assert.Equal("yes <script>x</script>", reply.Content);
        var loaded = (await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Admin.Id)).Single(m => m.Id == reply.Id);
        Assert.Equal(expected, loaded.ReplyTo);
        Assert.Equal(expected, Assert.Single(await messages.GetNewerAsync(cast.CommunityId, cast.ChannelId, cast.Admin.Id, original.Id)).ReplyTo);
        Assert.Null((await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Admin.Id)).Single(m => m.Id == original.Id).ReplyToId);
        var posted = Assert.Single(recorder.Of<MessagePosted>());
        Assert.Equal(expected, posted.Message.ReplyTo);
        await using var context = await db.CreateContextAsync();
        Assert.Equal(original.Id, await context.Messages.Where(m => m.Id == reply.Id).Select(m => m.ReplyToId).SingleAsync());
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_LongOriginal_QuotesItsStartOnOneLine(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "first line\n" + new string('x', 1000), Guid.NewGuid());

        var reply = await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "ok", Guid.NewGuid());

        Assert.Equal(ReplyQuote.ExcerptLength, reply.ReplyTo!.Excerpt.Length);
        Assert.StartsWith("first line xxx", reply.ReplyTo.Excerpt, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_ToAMessageOfAnotherChannel_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var other = await db.Get<ChannelService>().CreateAsync(cast.Owner.Id, cast.CommunityId, "random");
        var elsewhere = await messages.SendAsync(cast.Owner.Id, other.Id, "over here", Guid.NewGuid());
        var before = await DatabaseSnapshot.TakeAsync(db);

        var refused = await Record.ExceptionAsync(
            () => messages.ReplyAsync(cast.Member.Id, cast.ChannelId, elsewhere.Id, "answer", Guid.NewGuid()));

        Assert.Equal(nameof(DomainErrors.ReplyToOtherChannel), Assert.IsType<ValidationException>(refused).Error.Code);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the reply was refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_ToAMissingMessageOrOneOfAnotherServer_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var otherServer = await db.Get<CommunityService>().CreateAsync(cast.NonMember.Id, "Other club", null, isPublic: true);
        var foreign = await messages.SendAsync(cast.NonMember.Id, otherServer.FirstChannelId!.Value, "not yours", Guid.NewGuid());
        var before = await DatabaseSnapshot.TakeAsync(db);

        foreach (var id in new[] { foreign.Id, foreign.Id + 1000 })
        {
            var refused = await Record.ExceptionAsync(
                () => messages.ReplyAsync(cast.Member.Id, cast.ChannelId, id, "answer", Guid.NewGuid()));

            Assert.Equal(nameof(DomainErrors.ReplyToMissing), Assert.IsType<ValidationException>(refused).Error.Code);
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the replies were refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_OriginalDeletedAfterwards_ReplyStaysAndSaysTheOriginalIsGone(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "soon gone", Guid.NewGuid());
        var reply = await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "still here", Guid.NewGuid());

        await messages.DeleteAsync(cast.Owner.Id, original.Id);

        var shown = Assert.Single(await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Member.Id));
        Assert.Equal((reply.Id, "still here", original.Id, (ReplyQuote?)null), (shown.Id, shown.Content, shown.ReplyToId, shown.ReplyTo));
        Assert.True(shown.RepliesToDeleted);
        var edited = await messages.EditAsync(cast.Member.Id, reply.Id, "still here, edited", shown.Version);
        Assert.True(edited.RepliesToDeleted);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task EditAsync_OfAReply_KeepsItsQuote(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "question", Guid.NewGuid());
        var reply = await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "answr", Guid.NewGuid());

        var edited = await messages.EditAsync(cast.Member.Id, reply.Id, "answer", reply.Version);

        Assert.Equal(new ReplyQuote(original.Id, "olga", "question"), edited.ReplyTo);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_SameNonceTwice_StoresOneReply(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "question", Guid.NewGuid());
        var nonce = Guid.NewGuid();

        var first = await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "answer", nonce);
        var retried = await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "answer", nonce);

        Assert.Equal(first, retried);
        Assert.Equal(2, (await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Owner.Id)).Count);
        Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Owner.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_NotifyOn_TellsTheOriginalsAuthorLive(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "question", Guid.NewGuid());
        using var events = new EventRecorder(db.Get<ChatHub>(), Topics.User(cast.Owner.Id));

        var reply = await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "my answer", Guid.NewGuid());

        var notification = Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Owner.Id));
        Assert.Equal(
            (NotificationKind.Replied, "mia", cast.ChannelId, "general", reply.Id, "my answer"),
            (notification.Kind, notification.ActorDisplayName, notification.ChannelId, notification.ChannelName,
                notification.MessageId, notification.MessageExcerpt));
        var created = Assert.IsType<NotificationCreated>(Assert.Single(events.Events));
        Assert.Equal((NotificationKind.Replied, reply.Id), (created.Notification.Kind, created.Notification.MessageId));
        Assert.Equal([cast.Owner.Id], await NotifiedUsersAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_NotifyOff_TellsNobody(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "question", Guid.NewGuid());

        var reply = await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "quiet answer", Guid.NewGuid(), notifyAuthor: false);

        Assert.Equal(original.Id, reply.ReplyToId);
        Assert.Empty(await NotifiedUsersAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_ToOwnMessage_TellsNobody(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "question", Guid.NewGuid());

        await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "answering myself", Guid.NewGuid());

        Assert.Empty(await NotifiedUsersAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_AuthorLeftTheServer_TellsNobody(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Admin.Id, cast.ChannelId, "bye all", Guid.NewGuid());
        await db.Get<CommunityService>().LeaveAsync(cast.Admin.Id, cast.CommunityId);

        var reply = await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "bye adam", Guid.NewGuid());

        Assert.Equal(new ReplyQuote(original.Id, "adam", "bye all"), reply.ReplyTo);
        Assert.Empty(await NotifiedUsersAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_ThatAlsoMentionsTheAuthor_NotifiesOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "question", Guid.NewGuid());

        await messages.ReplyAsync(cast.Member.Id, cast.ChannelId, original.Id, "@olga and @adam: yes", Guid.NewGuid());

        var inbox = Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Owner.Id));
        Assert.Equal(NotificationKind.Mentioned, inbox.Kind);
        Assert.Equal(new[] { cast.Admin.Id, cast.Owner.Id }.Order(StringComparer.Ordinal), await NotifiedUsersAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReplyAsync_InAMutedServer_StillTellsTheAuthorAsADirectMention(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var original = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "question", Guid.NewGuid());
        await db.Get<NotificationService>().SetMutedAsync(cast.Member.Id, cast.CommunityId, true);

        await messages.ReplyAsync(cast.Owner.Id, cast.ChannelId, original.Id, "@everyone see mia's question", Guid.NewGuid());

        var inbox = Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Member.Id));
        Assert.Equal(NotificationKind.Replied, inbox.Kind);
    }

    private static async Task<IReadOnlyList<string>> NotifiedUsersAsync(TestDatabase db)
    {
        await using var context = await db.CreateContextAsync();
        var users = await context.Notifications.Select(n => n.UserId).ToListAsync();
        return [.. users.Order(StringComparer.Ordinal)];
    }
}
