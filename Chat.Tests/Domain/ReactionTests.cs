using Chat.Domain;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class ReactionTests
{
    private const string ThumbsUp = "\U0001F44D";
    private const string Heart = "\u2764\uFE0F";

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_ByEachActor_OnlyMembersMayReact(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            (_, userId) => reactions.ToggleReactionAsync(userId, sent.Id, ThumbsUp));

        var summary = Assert.Single(await ReactionsSeenByAsync(db, cast, cast.Member.Id));
        Assert.Equal((ThumbsUp, 3, true), (summary.Emoji, summary.Count, summary.Mine));
        Assert.Equal(["olga", "adam", "mia"], summary.FirstNames);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_Twice_AddsThenRemovesAndTellsTheCommunity(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();
        using var recorder = new EventRecorder(db.Get<ChatHub>(), Topics.Community(cast.CommunityId));

        var on = await reactions.ToggleReactionAsync(cast.Member.Id, sent.Id, Heart);
        var seenByOwner = await ReactionsSeenByAsync(db, cast, cast.Owner.Id);
        var off = await reactions.ToggleReactionAsync(cast.Member.Id, sent.Id, Heart);

        Assert.Equal((Heart, 1, true), (on.Single().Emoji, on.Single().Count, on.Single().Mine));
        Assert.Equal((1, false), (seenByOwner.Single().Count, seenByOwner.Single().Mine));
        Assert.Empty(off);
        Assert.Empty(await ReactionsSeenByAsync(db, cast, cast.Member.Id));
        await Wait.UntilAsync(() => recorder.Of<ReactionsChanged>().Count == 2, "both changes published");
        var events = recorder.Of<ReactionsChanged>();
        Assert.Equal([true, false], events.Select(e => e.Added));
        Assert.All(events, e => Assert.Equal((sent.Id, cast.ChannelId, cast.Member.Id, Heart), (e.MessageId, e.ChannelId, e.UserId, e.Emoji)));
        Assert.Equal(["mia"], Assert.Single(events[0].Reactions).FirstNames);
        Assert.False(events[0].Reactions.Single().Mine);
        Assert.Empty(events[1].Reactions);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_WithoutVariationSelector_IsTheSameReaction(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();

        await reactions.ToggleReactionAsync(cast.Member.Id, sent.Id, Heart);
        var after = await reactions.ToggleReactionAsync(cast.Member.Id, sent.Id, "\u2764");

        Assert.Empty(after);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_TwoConcurrentTogglesOn_StoreTheReactionOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();

        // Several rounds, so that at least some of the taps really overlap; every round must end with one row.
        for (var round = 0; round < 5; round++)
        {
            await ClearReactionsAsync(db);
            var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(
                () => Record.ExceptionAsync(() => reactions.ToggleReactionAsync(cast.Member.Id, sent.Id, ThumbsUp)))));

            var count = await CountReactionsAsync(db);
            // Both saw no reaction and added it (one stored, one refused by the index and taken as done), or one ran
            // after the other and took it back off: never two rows, never an error.
            Assert.All(attempts, Assert.Null);
            Assert.InRange(count, 0, 1);
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_TwoUsersAtOnce_BothCount(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();

        await Task.WhenAll(new[] { cast.Admin.Id, cast.Member.Id }.Select(id => Task.Run(
            () => reactions.ToggleReactionAsync(id, sent.Id, ThumbsUp))));

        var summary = Assert.Single(await ReactionsSeenByAsync(db, cast, cast.Owner.Id));
        Assert.Equal(2, summary.Count);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_TwentyFirstEmoji_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();
        var emoji = Emoji.All.Take(Reaction.MaxDistinctEmoji + 1).Select(e => e.Value).ToList();
        foreach (var e in emoji.Take(Reaction.MaxDistinctEmoji))
        {
            await reactions.ToggleReactionAsync(cast.Member.Id, sent.Id, e);
        }

        var before = await DatabaseSnapshot.TakeAsync(db);

        var refused = await Record.ExceptionAsync(() => reactions.ToggleReactionAsync(cast.Owner.Id, sent.Id, emoji[^1]));
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the 21st emoji was refused");
        var existing = await reactions.ToggleReactionAsync(cast.Owner.Id, sent.Id, emoji[0]);

        var error = Assert.IsType<ValidationException>(refused);
        Assert.Equal(nameof(DomainErrors.TooManyReactions), error.Error.Code);
        Assert.Equal(Reaction.MaxDistinctEmoji, existing.Count);
        Assert.Equal(2, existing[0].Count);
        Assert.DoesNotContain(emoji[^1], existing.Select(s => s.Emoji));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_NewEmojiAddedAtOnceNearTheLimit_NeverPassTwenty(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();
        var emoji = Emoji.All.Take(Reaction.MaxDistinctEmoji + 2).Select(e => e.Value).ToList();
        foreach (var e in emoji.Take(Reaction.MaxDistinctEmoji - 1))
        {
            await reactions.ToggleReactionAsync(cast.Member.Id, sent.Id, e);
        }

        string?[] racers = [cast.Owner.Id, cast.Admin.Id, cast.Member.Id];
        var attempts = await Task.WhenAll(racers.Select((userId, i) => Task.Run(
            () => Record.ExceptionAsync(() => reactions.ToggleReactionAsync(userId, sent.Id, emoji[Reaction.MaxDistinctEmoji - 1 + (i % 3)])))));

        // One of them gets the last place; when they truly overlap, more than one may step back, never fewer.
        var shown = await ReactionsSeenByAsync(db, cast, cast.Owner.Id);
        Assert.InRange(shown.Count, Reaction.MaxDistinctEmoji - 1, Reaction.MaxDistinctEmoji);
        Assert.Equal(shown.Count - (Reaction.MaxDistinctEmoji - 1), attempts.Count(e => e is null));
        Assert.All(attempts.Where(e => e is not null),
            e => Assert.Equal(nameof(DomainErrors.TooManyReactions), Assert.IsType<ValidationException>(e).Error.Code));
        Assert.Equal(shown.Count, await CountReactionsAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_NotAnEmoji_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();
        var before = await DatabaseSnapshot.TakeAsync(db);

        foreach (var text in new[] { "", " ", "a", "<b>x</b>", ThumbsUp + ThumbsUp, "\u202E", ":thumbs_up:", "\U0001F44D\U0001F3FB\u200D" })
        {
            var refused = await Record.ExceptionAsync(() => reactions.ToggleReactionAsync(cast.Member.Id, sent.Id, text));

            var error = Assert.IsType<ValidationException>(refused);
            Assert.Equal(nameof(DomainErrors.NotAnEmoji), error.Error.Code);
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "no emoji was accepted");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ToggleReactionAsync_NonMember_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();
        var before = await DatabaseSnapshot.TakeAsync(db);

        var refused = await Record.ExceptionAsync(() => reactions.ToggleReactionAsync(cast.NonMember.Id, sent.Id, ThumbsUp));
        var missing = await Record.ExceptionAsync(() => reactions.ToggleReactionAsync(cast.Member.Id, sent.Id + 1000, ThumbsUp));

        Assert.Equal(nameof(DomainErrors.NotAMember), Assert.IsType<ForbiddenException>(refused).Error.Code);
        Assert.IsType<NotFoundException>(missing);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the non-member was refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetLatestAsync_ManyReactors_NamesTheFirstFewAndCountsAll(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var sent = await db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        var reactions = db.Get<ReactionService>();
        await db.Get<Chat.Domain.Communities.CommunityService>().JoinAsync(cast.NonMember.Id, cast.CommunityId);
        foreach (var id in new[] { cast.Member.Id, cast.Admin.Id, cast.NonMember.Id, cast.Owner.Id })
        {
            await reactions.ToggleReactionAsync(id, sent.Id, ThumbsUp);
        }

        await reactions.ToggleReactionAsync(cast.Admin.Id, sent.Id, Heart);

        var seen = await ReactionsSeenByAsync(db, cast, cast.NonMember.Id);
        Assert.Equal([ThumbsUp, Heart], seen.Select(s => s.Emoji));
        Assert.Equal((4, true), (seen[0].Count, seen[0].Mine));
        Assert.Equal(["mia", "adam", "nick"], seen[0].FirstNames);
        Assert.Equal((1, false), (seen[1].Count, seen[1].Mine));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_MessageWithReactions_DeletesThem(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var sent = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "react to me", Guid.NewGuid());
        await db.Get<ReactionService>().ToggleReactionAsync(cast.Member.Id, sent.Id, ThumbsUp);

        await messages.DeleteAsync(cast.Owner.Id, sent.Id);

        Assert.Equal(0, await CountReactionsAsync(db));
    }

    private static async Task<IReadOnlyList<ReactionSummary>> ReactionsSeenByAsync(TestDatabase db, Cast cast, string userId) =>
        Assert.Single(await db.Get<MessageService>().GetLatestAsync(cast.CommunityId, cast.ChannelId, userId)).Reactions;

    private static async Task<int> CountReactionsAsync(TestDatabase db)
    {
        await using var context = await db.CreateContextAsync();
        return await context.Reactions.CountAsync();
    }

    private static async Task ClearReactionsAsync(TestDatabase db)
    {
        await using var context = await db.CreateContextAsync();
        context.Reactions.RemoveRange(await context.Reactions.ToListAsync());
        await context.SaveChangesAsync();
    }
}
