using Chat.Domain.Data;
using Chat.Domain.Direct;
using Chat.Domain.Messages;
using Chat.Tests.Support;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

/// <summary>
/// Every direct-message operation against the five callers of <see cref="ConversationCast"/>: a participant, a
/// non-participant, a blocked participant, one who left, and the anonymous caller.
/// </summary>
public sealed class DirectMessageAuthorizationTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_ByEachActor_OnlyUnblockedParticipantsMaySend(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await ConversationCast.CreateAsync(db);
        var messages = db.Get<MessageService>();

        await cast.ExpectAsync(
            ConversationCast.Matrix(participant: Allowed, nonParticipant: Forbidden, blocked: Forbidden, left: Forbidden, anonymous: Forbidden),
            (actor, userId) => messages.SendAsync(userId, cast.ChannelId, $"hello from {actor}", Guid.NewGuid()));

        var seen = await messages.GetLatestAsync(cast.ConversationId, cast.ChannelId, cast.Starter.Id);
        Assert.Equal(["hello from Participant"], seen.Select(m => m.Content));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetLatestAsync_ByEachActor_ParticipantsMayRead(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await ConversationCast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        await messages.SendAsync(cast.Starter.Id, cast.ChannelId, "for the group", Guid.NewGuid());

        // Being blocked by one participant does not hide the group from the blocked one.
        await cast.ExpectAsync(
            ConversationCast.Matrix(participant: Allowed, nonParticipant: Forbidden, blocked: Allowed, left: Forbidden, anonymous: Forbidden),
            async (_, userId) => Assert.Equal("for the group",
                Assert.Single(await messages.GetLatestAsync(cast.ConversationId, cast.ChannelId, userId)).Content));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetAsync_ByEachActor_ParticipantsMayOpen(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await ConversationCast.CreateAsync(db);
        var direct = db.Get<DirectMessageService>();

        await cast.ExpectAsync(
            ConversationCast.Matrix(participant: Allowed, nonParticipant: Forbidden, blocked: Allowed, left: Forbidden, anonymous: Forbidden),
            async (_, userId) => Assert.Equal(cast.ChannelId, (await direct.GetAsync(userId, cast.ConversationId)).ChannelId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MarkReadAsync_ByEachActor_ParticipantsMayMarkRead(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await ConversationCast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var message = await messages.SendAsync(cast.Starter.Id, cast.ChannelId, "read me", Guid.NewGuid());

        await cast.ExpectAsync(
            ConversationCast.Matrix(participant: Allowed, nonParticipant: Forbidden, blocked: Allowed, left: Forbidden, anonymous: Forbidden),
            (_, userId) => readState.MarkReadAsync(userId, cast.ChannelId, message.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_ByEachActor_ParticipantsMayReact(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await ConversationCast.CreateAsync(db);
        var message = await db.Get<MessageService>().SendAsync(cast.Starter.Id, cast.ChannelId, "react", Guid.NewGuid());

        await cast.ExpectAsync(
            ConversationCast.Matrix(participant: Allowed, nonParticipant: Forbidden, blocked: Allowed, left: Forbidden, anonymous: Forbidden),
            (_, userId) => db.Get<ReactionService>().ToggleReactionAsync(userId, message.Id, "👍"));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task StartAsync_WithTheBlockerByEachActor_OnlyTheBlockedOneIsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await ConversationCast.CreateAsync(db);
        var direct = db.Get<DirectMessageService>();

        await cast.ExpectAsync(
            ConversationCast.Matrix(participant: Allowed, nonParticipant: Allowed, blocked: Forbidden, left: Allowed, anonymous: Forbidden),
            async (_, userId) => Assert.Equal(cast.Starter.Id, Assert.Single((await direct.StartAsync(userId, [cast.Starter.Id])).Others).UserId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ListAsync_ByEachActor_ListsOnlyTheirOwnConversations(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await ConversationCast.CreateAsync(db);
        var direct = db.Get<DirectMessageService>();

        await cast.ExpectAsync(
            ConversationCast.Matrix(participant: Allowed, nonParticipant: Allowed, blocked: Allowed, left: Allowed, anonymous: Forbidden),
            async (actor, userId) =>
            {
                var listed = (await direct.ListAsync(userId)).Select(c => c.Id);
                var expected = actor is DirectActor.Participant or DirectActor.Blocked ? new[] { cast.ConversationId } : [];
                Assert.Equal(expected, listed);
            });
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task BlockAndPrivacy_ByEachActor_EveryoneButAnonymous(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await ConversationCast.CreateAsync(db);
        var privacy = db.Get<PrivacyService>();
        var all = ConversationCast.Matrix(participant: Allowed, nonParticipant: Allowed, blocked: Allowed, left: Allowed, anonymous: Forbidden);

        await cast.ExpectAsync(all, (_, userId) => privacy.BlockAsync(userId, cast.Starter.Id));
        await cast.ExpectAsync(all, (_, userId) => privacy.UnblockAsync(userId, cast.Starter.Id));
        await cast.ExpectAsync(all, (_, userId) => privacy.SetWhoMayMessageAsync(userId, DirectMessagePrivacy.Nobody));
        await cast.ExpectAsync(all, async (_, userId) => Assert.Equal(DirectMessagePrivacy.Nobody, (await privacy.GetAsync(userId)).WhoMayMessage));
    }
}
