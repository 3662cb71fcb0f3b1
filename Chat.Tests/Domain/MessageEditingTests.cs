using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class MessageEditingTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task EditAsync_OwnMessageByEachActor_OnlyMembersMayEditTheirOwn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var own = await SendOneEachAsync(cast);

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: NotFound, anonymous: NotFound),
            (actor, userId) => messages.EditAsync(userId, own.GetValueOrDefault(actor, -1), $"edited by {actor}", 0));

        var stored = await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Owner.Id);
        Assert.Equal(["edited by Owner", "edited by Admin", "edited by Member"], stored.Select(m => m.Content));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task EditAsync_SomeoneElsesMessage_IsRefusedForEveryoneEvenTheOwner(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var own = await SendOneEachAsync(cast);

        foreach (var (author, messageId) in own)
        {
            await cast.ExpectAsync(
                Cast.All.Where(a => a != author).Select(a => (a, Forbidden)),
                (actor, userId) => messages.EditAsync(userId, messageId, $"{actor} was here", 0));
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_OwnMessageByEachActor_OnlyMembersMayDeleteTheirOwn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var own = await SendOneEachAsync(cast);

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: NotFound, anonymous: NotFound),
            (actor, userId) => messages.DeleteAsync(userId, own.GetValueOrDefault(actor, -1)));

        Assert.Equal(0, await MessageSendingTests.CountMessagesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_SomeoneElsesMessage_IsRefusedForEveryoneEvenTheOwner(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var own = await SendOneEachAsync(cast);

        foreach (var (author, messageId) in own)
        {
            await cast.ExpectAsync(
                Cast.All.Where(a => a != author).Select(a => (a, Forbidden)),
                (_, userId) => messages.DeleteAsync(userId, messageId));
        }

        Assert.Equal(3, await MessageSendingTests.CountMessagesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task EditAsync_AuthorWhoLeft_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var sent = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", Guid.NewGuid());
        await db.Get<Chat.Domain.Communities.CommunityService>().LeaveAsync(cast.Member.Id, cast.CommunityId);
        var before = await DatabaseSnapshot.TakeAsync(db);

        var edit = await Record.ExceptionAsync(() => messages.EditAsync(cast.Member.Id, sent.Id, "changed", 0));
        var delete = await Record.ExceptionAsync(() => messages.DeleteAsync(cast.Member.Id, sent.Id));

        Assert.IsType<ForbiddenException>(edit);
        Assert.IsType<ForbiddenException>(delete);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the former member was refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task EditAsync_SeveralTimes_KeepsRevisionsOldestFirstWithCurrentLast(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var sent = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "first", Guid.NewGuid());

        var second = await messages.EditAsync(cast.Member.Id, sent.Id, "  second  ", sent.Version);
        var third = await messages.EditAsync(cast.Member.Id, sent.Id, "third", second.Version);

        Assert.Equal([0, 1, 2], new[] { sent.Version, second.Version, third.Version });
        Assert.Equal("third", third.Content);
        Assert.NotNull(third.EditedAt);
        var revisions = await messages.GetRevisionsAsync(cast.Owner.Id, sent.Id);
        Assert.Equal(["first", "second", "third"], revisions.Select(r => r.Content));
        Assert.Equal(sent.CreatedAt, revisions[0].WrittenAt);
        Assert.Equal(third.EditedAt, revisions[^1].WrittenAt);
        Assert.True(revisions.Zip(revisions.Skip(1)).All(p => p.First.WrittenAt <= p.Second.WrittenAt));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task EditAsync_StaleVersion_IsConflictAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var sent = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "first", Guid.NewGuid());
        await messages.EditAsync(cast.Member.Id, sent.Id, "second", sent.Version);
        var before = await DatabaseSnapshot.TakeAsync(db);

        var refused = await Record.ExceptionAsync(() => messages.EditAsync(cast.Member.Id, sent.Id, "from an old tab", sent.Version));

        Assert.IsType<ConflictException>(refused);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the stale edit was refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task EditAsync_TwoConcurrentEditsOfOneVersion_ExactlyOneWins(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var sent = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "first", Guid.NewGuid());

        string[] texts = ["from tab A", "from tab B"];
        var attempts = await Task.WhenAll(texts.Select(text => Task.Run(
            () => Record.ExceptionAsync(() => messages.EditAsync(cast.Member.Id, sent.Id, text, sent.Version)))));

        Assert.Single(attempts, e => e is null);
        Assert.IsType<ConflictException>(Assert.Single(attempts, e => e is not null));
        var revisions = await messages.GetRevisionsAsync(cast.Member.Id, sent.Id);
        Assert.Equal(2, revisions.Count);
        Assert.Equal("first", revisions[0].Content);
        Assert.Contains(revisions[1].Content, texts);
        var current = Assert.Single(await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Member.Id));
        Assert.Equal((revisions[1].Content, 1), (current.Content, current.Version));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task EditAsync_InvalidContent_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var sent = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "first", Guid.NewGuid());
        var before = await DatabaseSnapshot.TakeAsync(db);

        foreach (var content in new[] { "  ", new string('x', Message.ContentMaxLength + 1) })
        {
            await Assert.ThrowsAsync<ValidationException>(() => messages.EditAsync(cast.Member.Id, sent.Id, content, 0));
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the edits were refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_EditedMessageWithMention_RemovesItsRevisionsAndMentions(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var sent = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hi @olga", Guid.NewGuid());
        await messages.EditAsync(cast.Member.Id, sent.Id, "hi @olga!", sent.Version);

        await messages.DeleteAsync(cast.Member.Id, sent.Id);

        await using var context = await db.CreateContextAsync();
        Assert.False(await context.Messages.AnyAsync());
        Assert.False(await context.MessageRevisions.AnyAsync());
        Assert.False(await context.Mentions.AnyAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => messages.GetRevisionsAsync(cast.Member.Id, sent.Id));
    }

    /// <summary>One message by each member; the non-member and the anonymous caller have none.</summary>
    private static async Task<Dictionary<Actor, long>> SendOneEachAsync(Cast cast)
    {
        var messages = cast.Db.Get<MessageService>();
        var own = new Dictionary<Actor, long>();
        foreach (var actor in Cast.Members)
        {
            own[actor] = (await messages.SendAsync(cast.IdOf(actor), cast.ChannelId, $"by {actor}", Guid.NewGuid())).Id;
        }

        return own;
    }
}
