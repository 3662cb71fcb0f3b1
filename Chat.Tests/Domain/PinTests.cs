using Chat.Domain;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class PinTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task PinAsync_ByEachActor_OnlyOwnerAndAdminsMayPin(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var pins = db.Get<PinService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Forbidden, nonMember: Forbidden, anonymous: Forbidden),
            actor => SendAsync(db, cast, $"pin me, {actor}"),
            (_, userId, message) => pins.PinAsync(userId, message.Id));

        var pinned = await pins.GetPinnedAsync(cast.Member.Id, cast.ChannelId);
        Assert.Equal(["pin me, Admin", "pin me, Owner"], pinned.Select(p => p.Content));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UnpinAsync_ByEachActor_OnlyOwnerAndAdminsMayUnpin(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var pins = db.Get<PinService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Forbidden, nonMember: Forbidden, anonymous: Forbidden),
            async actor =>
            {
                var message = await SendAsync(db, cast, $"unpin me, {actor}");
                await pins.PinAsync(cast.Owner.Id, message.Id);
                return message;
            },
            (_, userId, message) => pins.UnpinAsync(userId, message.Id));

        var pinned = await pins.GetPinnedAsync(cast.Owner.Id, cast.ChannelId);
        Assert.Equal(["unpin me, Anonymous", "unpin me, NonMember", "unpin me, Member"], pinned.Select(p => p.Content));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetPinnedAsync_ByEachActor_OnlyMembersMayList(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var pins = db.Get<PinService>();
        var message = await SendAsync(db, cast, "pinned for members");
        await pins.PinAsync(cast.Admin.Id, message.Id);

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            async (_, userId) => Assert.Equal(message.Id, Assert.Single(await pins.GetPinnedAsync(userId, cast.ChannelId)).MessageId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetPinnedAsync_PublicServer_StillOnlyMembers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var pins = db.Get<PinService>();

        var outsider = await Record.ExceptionAsync(() => pins.GetPinnedAsync(cast.NonMember.Id, cast.ChannelId));
        var noChannel = await Record.ExceptionAsync(() => pins.GetPinnedAsync(cast.Member.Id, cast.ChannelId + 1000));

        Assert.Equal(nameof(DomainErrors.NotAMember), Assert.IsType<ForbiddenException>(outsider).Error.Code);
        Assert.IsType<NotFoundException>(noChannel);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task PinAsync_WritesOneLineMarksTheMessageAndTellsTheChannel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var pins = db.Get<PinService>();
        var message = await SendAsync(db, cast, "the rules: be kind");
        using var recorder = new EventRecorder(db.Get<ChatHub>(), Topics.Community(cast.CommunityId));

        await pins.PinAsync(cast.Owner.Id, message.Id);
        await pins.PinAsync(cast.Admin.Id, message.Id);

        var shown = await db.Get<MessageService>().GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Member.Id);
        Assert.Equal(2, shown.Count);
        Assert.True(shown[0].IsPinned);
        var line = shown[1];
        Assert.Equal((MessageKind.Pinned, message.Id, cast.Owner.Id, false), (line.Kind, line.PinnedMessageId, line.AuthorId, line.IsPinned));
        var entry = Assert.Single(await pins.GetPinnedAsync(cast.Member.Id, cast.ChannelId));
        Assert.Equal((message.Id, "olga", "the rules: be kind", "olga"), (entry.MessageId, entry.AuthorDisplayName, entry.Content, entry.PinnedByDisplayName));
        await Wait.UntilAsync(() => recorder.Of<MessagePosted>().Count == 1, "the line posted");
        var changed = Assert.Single(recorder.Of<PinsChanged>());
        Assert.Equal((cast.ChannelId, message.Id, true), (changed.ChannelId, changed.MessageId, changed.Pinned));
        Assert.Equal(line, recorder.Of<MessagePosted>()[0].Message);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task PinnedLine_IsNeitherEditableNorAMention(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var message = await SendAsync(db, cast, "pin me");
        await db.Get<PinService>().PinAsync(cast.Owner.Id, message.Id);
        var line = (await messages.GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Owner.Id))[^1];
        var before = await DatabaseSnapshot.TakeAsync(db);

        var edit = await Record.ExceptionAsync(() => messages.EditAsync(cast.Owner.Id, line.Id, "@mia rewritten", line.Version));
        var pinTheLine = await Record.ExceptionAsync(() => db.Get<PinService>().PinAsync(cast.Owner.Id, line.Id));

        Assert.Equal(nameof(DomainErrors.LineNotEditable), Assert.IsType<ValidationException>(edit).Error.Code);
        Assert.IsType<NotFoundException>(pinTheLine);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the line was not changed");
        var unread = Assert.Single(await readState.GetUnreadAsync(cast.Member.Id, cast.CommunityId));
        Assert.Equal(0, unread.MentionCount);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UnpinAsync_RemovesThePinKeepsTheLineAndTellsTheChannel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var pins = db.Get<PinService>();
        var message = await SendAsync(db, cast, "pinned for a while");
        await pins.PinAsync(cast.Owner.Id, message.Id);
        using var recorder = new EventRecorder(db.Get<ChatHub>(), Topics.Community(cast.CommunityId));

        await pins.UnpinAsync(cast.Admin.Id, message.Id);
        await pins.UnpinAsync(cast.Admin.Id, message.Id);

        Assert.Empty(await pins.GetPinnedAsync(cast.Owner.Id, cast.ChannelId));
        var shown = await db.Get<MessageService>().GetLatestAsync(cast.CommunityId, cast.ChannelId, cast.Owner.Id);
        Assert.Equal([false, false], shown.Select(m => m.IsPinned));
        Assert.Equal([MessageKind.Text, MessageKind.Pinned], shown.Select(m => m.Kind));
        await Wait.UntilAsync(() => recorder.Of<PinsChanged>().Count == 1, "the unpin published");
        Assert.False(recorder.Of<PinsChanged>()[0].Pinned);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetPinnedAsync_NewestPinFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var pins = db.Get<PinService>();
        var first = await SendAsync(db, cast, "first written");
        var second = await SendAsync(db, cast, "second written");

        await pins.PinAsync(cast.Owner.Id, second.Id);
        await pins.PinAsync(cast.Owner.Id, first.Id);

        Assert.Equal([first.Id, second.Id], (await pins.GetPinnedAsync(cast.Member.Id, cast.ChannelId)).Select(p => p.MessageId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task PinAsync_FiftyFirstPin_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var pins = db.Get<PinService>();
        await PinManyAsync(db, cast, Pin.MaxPerChannel);
        var extra = await SendAsync(db, cast, "one too many");
        var before = await DatabaseSnapshot.TakeAsync(db);

        var refused = await Record.ExceptionAsync(() => pins.PinAsync(cast.Admin.Id, extra.Id));

        var error = Assert.IsType<ValidationException>(refused);
        Assert.Equal(nameof(DomainErrors.TooManyPins), error.Error.Code);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the 51st pin was refused");
        Assert.Equal(Pin.MaxPerChannel, (await pins.GetPinnedAsync(cast.Owner.Id, cast.ChannelId)).Count);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task PinAsync_TwoAdminsAtTheLimitAtOnce_ExactlyFiftyEndPinned(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var pins = db.Get<PinService>();
        await PinManyAsync(db, cast, Pin.MaxPerChannel - 1);

        // Several rounds, so that at least some really overlap: each must end with exactly fifty, one pin refused.
        for (var round = 0; round < 4; round++)
        {
            var racing = new[] { await SendAsync(db, cast, $"50th, round {round}"), await SendAsync(db, cast, $"51st, round {round}") };
            string[] admins = [cast.Owner.Id, cast.Admin.Id];

            var attempts = await Task.WhenAll(racing.Select((message, i) => Task.Run(
                () => Record.ExceptionAsync(() => pins.PinAsync(admins[i], message.Id)))));

            var pinned = await pins.GetPinnedAsync(cast.Owner.Id, cast.ChannelId);
            Assert.Equal(Pin.MaxPerChannel, pinned.Count);
            Assert.Single(attempts, e => e is null);
            Assert.Equal(nameof(DomainErrors.TooManyPins), Assert.IsType<ValidationException>(Assert.Single(attempts, e => e is not null)).Error.Code);
            await pins.UnpinAsync(cast.Owner.Id, pinned[0].MessageId);
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_PinnedMessage_RemovesItsPin(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var pins = db.Get<PinService>();
        var message = await db.Get<MessageService>().SendAsync(cast.Member.Id, cast.ChannelId, "pinned, then deleted", Guid.NewGuid());
        await pins.PinAsync(cast.Owner.Id, message.Id);

        await db.Get<MessageService>().DeleteAsync(cast.Member.Id, message.Id);

        Assert.Empty(await pins.GetPinnedAsync(cast.Owner.Id, cast.ChannelId));
        await using var context = await db.CreateContextAsync();
        Assert.Equal(0, await context.Pins.CountAsync());
        // The line stays in the history, pointing at nothing.
        Assert.Equal(message.Id, (await context.Messages.SingleAsync()).PinnedMessageId);
    }

    private static Task<MessageView> SendAsync(TestDatabase db, Cast cast, string text) =>
        db.Get<MessageService>().SendAsync(cast.Owner.Id, cast.ChannelId, text, Guid.NewGuid());

    private static async Task PinManyAsync(TestDatabase db, Cast cast, int count)
    {
        var pins = db.Get<PinService>();
        for (var i = 0; i < count; i++)
        {
            var message = await SendAsync(db, cast, $"pinned {i}");
            await pins.PinAsync(cast.Admin.Id, message.Id);
        }
    }
}
