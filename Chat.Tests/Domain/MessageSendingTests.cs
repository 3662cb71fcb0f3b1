using Chat.Domain.Channels;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.RateLimiting;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class MessageSendingTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReadingMessages_ByEachActor_OnlyMembersMayRead(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var sent = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "hello", Guid.NewGuid());
        var members = Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden);

        await cast.ExpectAsync(members, async (_, userId) =>
            Assert.Equal([sent.Id], (await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, userId)).Select(m => m.Id)));
        await cast.ExpectAsync(members, async (_, userId) =>
            Assert.Empty(await messages.GetOlderAsync(cast.CommunityId, cast.ChannelId, userId, sent.Id)));
        await cast.ExpectAsync(members, async (_, userId) =>
            Assert.Single(await messages.GetNewerAsync(cast.CommunityId, cast.ChannelId, userId, 0)));
        await cast.ExpectAsync(members, async (_, userId) =>
            Assert.Single(await messages.GetRevisionsAsync(userId, sent.Id)));
        await cast.ExpectAsync(members, (_, userId) => messages.NotifyTypingAsync(userId, cast.ChannelId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_ByEachActor_OnlyMembersMaySend(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var messages = db.Get<MessageService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            (actor, userId) => messages.SendAsync(userId, cast.ChannelId, $"from {actor}", Guid.NewGuid()));

        var stored = await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Owner.Id);
        Assert.Equal(["from Owner", "from Admin", "from Member"], stored.Select(m => m.Content));
        Assert.Equal(["olga", "adam", "mia"], stored.Select(m => m.AuthorUserName));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_UnknownChannel_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);

        var refused = await Record.ExceptionAsync(
            () => db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId + 1000, "hello", Guid.NewGuid()));

        Assert.IsType<NotFoundException>(refused);
        Assert.Equal(0, await CountMessagesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_SameNonceTwice_ReturnsTheFirstMessageAndStoresOne(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var nonce = Guid.NewGuid();
        var first = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", nonce);

        var retried = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", nonce);

        Assert.Equal(first, retried);
        Assert.Equal(1, await CountMessagesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_SameNonceConcurrently_StoresOneAndAnswersBothWithIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var nonce = Guid.NewGuid();

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(
            _ => Task.Run(() => messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", nonce))));

        Assert.Single(sent.Select(m => m.Id).Distinct());
        Assert.Equal(1, await CountMessagesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_DifferentNonces_StoresEach(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();

        var first = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", Guid.NewGuid());
        var second = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", Guid.NewGuid());
        // A nonce is unique per author: another author's message with the same nonce is a message of its own.
        var other = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "hello", Guid.Empty);
        var othersSameNonce = await messages.SendAsync(cast.Admin.Id, cast.ChannelId, "hello", Guid.Empty);

        Assert.Equal(4, new[] { first.Id, second.Id, other.Id, othersSameNonce.Id }.Distinct().Count());
        Assert.Equal(4, await CountMessagesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_BeyondTheBurst_IsRateLimitedAndStoresNothingMore(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WithBurstOf(3));
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        for (var i = 0; i < 3; i++)
        {
            await messages.SendAsync(cast.Member.Id, cast.ChannelId, $"message {i}", Guid.NewGuid());
        }

        var refused = await Assert.ThrowsAsync<RateLimitedException>(
            () => messages.SendAsync(cast.Member.Id, cast.ChannelId, "one too many", Guid.NewGuid()));

        Assert.Equal(nameof(DomainErrors.SlowDown), refused.Code);
        Assert.Equal(3, await CountMessagesAsync(db));
        // The bucket is per user: someone else still may send.
        await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "from the owner", Guid.NewGuid());
        Assert.Equal(4, await CountMessagesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_RetriedNonce_DoesNotUseTheBucket(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WithBurstOf(3));
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var nonce = Guid.NewGuid();
        var first = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", nonce);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(first.Id, (await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", nonce)).Id);
        }

        await messages.SendAsync(cast.Member.Id, cast.ChannelId, "second", Guid.NewGuid());
        await messages.SendAsync(cast.Member.Id, cast.ChannelId, "third", Guid.NewGuid());
        // With the bucket empty, a retry of a stored message is still answered rather than refused.
        Assert.Equal(first.Id, (await messages.SendAsync(cast.Member.Id, cast.ChannelId, "hello", nonce)).Id);
        await Assert.ThrowsAsync<RateLimitedException>(
            () => messages.SendAsync(cast.Member.Id, cast.ChannelId, "fourth", Guid.NewGuid()));
        Assert.Equal(3, await CountMessagesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_EmptyOrTooLongContent_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        string[] contents = ["", "   ", " \n\t ", new('x', Message.ContentMaxLength + 1), new('x', 40_000)];

        foreach (var content in contents)
        {
            var refused = await Record.ExceptionAsync(
                () => messages.SendAsync(cast.Member.Id, cast.ChannelId, content, Guid.NewGuid()));

            var invalid = Assert.IsType<ValidationException>(refused);
            Assert.Equal("content", invalid.Field);
        }

        Assert.Equal(0, await CountMessagesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_MaximumLengthAfterTrimming_IsStoredTrimmed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var text = new string('x', Message.ContentMaxLength);

        var sent = await db.Get<MessageService>().SendAsync(cast.Member.Id, cast.ChannelId, "  \n" + text + "\n  ", Guid.NewGuid());

        await using var context = await db.CreateContextAsync();
        Assert.Equal(text, await context.Messages.Where(m => m.Id == sent.Id).Select(m => m.Content).SingleAsync());
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetOlderAsync_And_GetNewerAsync_PageByIdWithoutGapsOrOverlap(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var other = await db.Get<ChannelService>().CreateAsync(cast.Owner.Id, cast.CommunityId, "random");
        var ids = await InsertMessagesAsync(db, cast.ChannelId, cast.Member.Id, MessageService.PageSize * 2 + 5);
        await InsertMessagesAsync(db, other.Id, cast.Member.Id, 3);

        var latest = await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Member.Id);
        var older = await messages.GetOlderAsync(cast.CommunityId, cast.ChannelId, cast.Member.Id, latest[0].Id);
        var oldest = await messages.GetOlderAsync(cast.CommunityId, cast.ChannelId, cast.Member.Id, older[0].Id);
        var newer = await messages.GetNewerAsync(cast.CommunityId, cast.ChannelId, cast.Member.Id, ids[^4]);

        Assert.Equal(ids, oldest.Concat(older).Concat(latest).Select(m => m.Id));
        Assert.Equal([MessageService.PageSize, MessageService.PageSize, 5], new[] { latest.Count, older.Count, oldest.Count });
        Assert.Equal(ids[^3..], newer.Select(m => m.Id));
    }

    internal static Action<IServiceCollection> WithBurstOf(int burst) =>
        WriteLimits.Only(WriteAction.SendMessage, burst, WriteLimits.NoRefill);

    internal static async Task<int> CountMessagesAsync(TestDatabase db)
    {
        await using var context = await db.CreateContextAsync();
        return await context.Messages.CountAsync();
    }

    private static async Task<List<long>> InsertMessagesAsync(TestDatabase db, int channelId, string authorId, int count)
    {
        await using var context = await db.CreateContextAsync();
        var added = new List<Message>();
        for (var i = 0; i < count; i++)
        {
            var message = new Message
            {
                ChannelId = channelId,
                AuthorId = authorId,
                Content = $"message {i}",
                CreatedAt = DateTime.UtcNow,
                Nonce = Guid.NewGuid(),
            };
            context.Messages.Add(message);
            added.Add(message);
        }

        await context.SaveChangesAsync();
        return added.Select(m => m.Id).Order().ToList();
    }
}
