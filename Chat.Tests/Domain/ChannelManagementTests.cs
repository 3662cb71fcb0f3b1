using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class ChannelManagementTests
{
    private static readonly IReadOnlyList<(Actor, Outcome)> OwnerAndAdmins =
        Cast.Matrix(owner: Allowed, admin: Allowed, member: Forbidden, nonMember: Forbidden, anonymous: Forbidden);

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_ByEachActor_OnlyOwnerAndAdminsMayCreate(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();

        await cast.ExpectAsync(OwnerAndAdmins, (actor, userId) => channels.CreateAsync(userId, cast.CommunityId, $"by {actor}"));

        var names = (await channels.ListAsync(cast.CommunityId, cast.Member.Id)).Select(c => c.Name);
        Assert.Equal(["general", "by-owner", "by-admin"], names);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UpdateAsync_ByEachActor_OnlyOwnerAndAdminsMayRename(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();

        await cast.ExpectAsync(
            OwnerAndAdmins, (actor, userId) => channels.UpdateAsync(userId, cast.ChannelId, $"renamed by {actor}", "a topic"));

        var channel = Assert.Single(await channels.ListAsync(cast.CommunityId, cast.Member.Id));
        Assert.Equal(("renamed-by-admin", "a topic"), (channel.Name, channel.Topic));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReorderAsync_ByEachActor_OnlyOwnerAndAdminsMayReorder(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();
        var random = await channels.CreateAsync(cast.Owner.Id, cast.CommunityId, "random");
        var order = new[] { cast.ChannelId, random.Id };

        await cast.ExpectAsync(OwnerAndAdmins, (_, userId) =>
        {
            order.AsSpan().Reverse();
            return channels.ReorderAsync(userId, cast.CommunityId, order.ToArray());
        });

        // Owner then admin each swapped the two; the refused ones changed nothing.
        Assert.Equal(
            [cast.ChannelId, random.Id], (await channels.ListAsync(cast.CommunityId, cast.Member.Id)).Select(c => c.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_ByEachActor_OnlyOwnerAndAdminsMayDelete(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();

        await cast.ExpectAsync(
            OwnerAndAdmins,
            actor => channels.CreateAsync(cast.Owner.Id, cast.CommunityId, $"doomed {actor}"),
            (_, userId, channel) => channels.DeleteAsync(userId, channel.Id));

        var names = (await channels.ListAsync(cast.CommunityId, cast.Member.Id)).Select(c => c.Name);
        Assert.Equal(["general", "doomed-member", "doomed-nonmember", "doomed-anonymous"], names);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_NameWithSpacesAndCapitals_IsNormalized(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);

        var created = await db.Get<ChannelService>().CreateAsync(cast.Admin.Id, cast.CommunityId, "  Book   Club ", "  Reads  ");

        Assert.Equal(("book-club", "Reads"), (created.Name, created.Topic));
        Assert.Contains(created, await db.Get<ChannelService>().ListAsync(cast.CommunityId, cast.Member.Id));
    }

    [Theory]
    [InlineData("Book Club", "book-club")]
    [InlineData("#General", "general")]
    [InlineData(" -Off -- Topic- ", "off-topic")]
    [InlineData("ÉCOLE", "école")]
    public void NormalizeName_ValidName_IsLowercaseWithDashes(string name, string expected)
    {
        var normalized = ChannelService.NormalizeName(name);

        Assert.Equal(expected, normalized);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_DuplicateAfterNormalizing_IsRefusedWithClearMessage(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();
        await channels.CreateAsync(cast.Owner.Id, cast.CommunityId, "book-club");
        var before = await DatabaseSnapshot.TakeAsync(db);

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => channels.CreateAsync(cast.Owner.Id, cast.CommunityId, "Book Club"));

        Assert.Equal(DomainErrors.ChannelNameTaken("book-club").Error, refused.Error);
        Assert.Equal("name", refused.Field);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the duplicate was refused");
        // Names are unique per community, not across communities.
        var other = await db.Get<CommunityService>().CreateAsync(cast.Member.Id, "Chess", null, isPublic: false);
        Assert.Equal("book-club", (await channels.CreateAsync(cast.Member.Id, other.Id, "Book Club")).Name);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_SameNameConcurrently_StoresOneAndRefusesTheOtherClearly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();

        var attempts = await Task.WhenAll(new[] { cast.Owner.Id, cast.Admin.Id }.Select(userId => Task.Run(
            () => Record.ExceptionAsync(() => channels.CreateAsync(userId, cast.CommunityId, "Book Club")))));

        Assert.Single(attempts, e => e is null);
        var refused = Assert.IsType<ValidationException>(Assert.Single(attempts, e => e is not null));
        Assert.Equal(DomainErrors.ChannelNameTaken("book-club").Error, refused.Error);
        Assert.Equal(2, (await channels.ListAsync(cast.CommunityId, cast.Member.Id)).Count);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UpdateAsync_ToAnotherChannelsName_IsRefusedWithClearMessage(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();
        var bookClub = await channels.CreateAsync(cast.Owner.Id, cast.CommunityId, "book-club", "Reads");
        var before = await DatabaseSnapshot.TakeAsync(db);

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => channels.UpdateAsync(cast.Owner.Id, cast.ChannelId, "BOOK club", null));
        var keptOwnName = await channels.UpdateAsync(cast.Owner.Id, bookClub.Id, "Book Club", "New topic");

        Assert.Equal(DomainErrors.ChannelNameTaken("book-club").Error, refused.Error);
        Assert.Equal(new ChannelView(bookClub.Id, cast.CommunityId, "book-club", "New topic"), keptOwnName);
        Assert.Equal("general", (await channels.ListAsync(cast.CommunityId, cast.Owner.Id))[0].Name);
        Assert.Equal(before.Count, (await DatabaseSnapshot.TakeAsync(db)).Count);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_NameOutsideOneToHundredCharacters_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();
        var before = await DatabaseSnapshot.TakeAsync(db);

        foreach (var name in new[] { new string('a', Channel.NameMaxLength + 1), "", "  ", "#", " - " })
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => channels.CreateAsync(cast.Owner.Id, cast.CommunityId, name));
            Assert.Equal("name", refused.Field);
            await Assert.ThrowsAsync<ValidationException>(() => channels.UpdateAsync(cast.Owner.Id, cast.ChannelId, name, null));
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the names were refused");
        var longest = new string('a', Channel.NameMaxLength);
        Assert.Equal(longest, (await channels.CreateAsync(cast.Owner.Id, cast.CommunityId, longest)).Name);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ReorderAsync_WrongIdList_IsConflictAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();
        var random = await channels.CreateAsync(cast.Owner.Id, cast.CommunityId, "random");
        var foreign = await db.Get<CommunityService>().CreateAsync(cast.Member.Id, "Chess", null, isPublic: false);
        var before = await DatabaseSnapshot.TakeAsync(db);
        int[][] wrongLists =
        [
            [random.Id],
            [random.Id, cast.ChannelId, foreign.FirstChannelId!.Value],
            [random.Id, foreign.FirstChannelId!.Value],
            [random.Id, random.Id],
            [random.Id, random.Id, cast.ChannelId],
            [],
        ];

        foreach (var wrong in wrongLists)
        {
            await Assert.ThrowsAsync<ConflictException>(() => channels.ReorderAsync(cast.Owner.Id, cast.CommunityId, wrong));
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the wrong lists were refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_ChannelWithHistory_RemovesItsMessagesMentionsAndReadStates(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var random = await channels.CreateAsync(cast.Owner.Id, cast.CommunityId, "random");
        var kept = await messages.SendAsync(cast.Owner.Id, cast.ChannelId, "@mia stays", Guid.NewGuid());
        var gone = await messages.SendAsync(cast.Owner.Id, random.Id, "@mia goes", Guid.NewGuid());
        await messages.EditAsync(cast.Owner.Id, gone.Id, "@mia goes, edited", gone.Version);
        await readState.MarkReadAsync(cast.Member.Id, random.Id, gone.Id);

        await channels.DeleteAsync(cast.Admin.Id, random.Id);

        await using var context = await db.CreateContextAsync();
        Assert.Equal([kept.Id], await context.Messages.Select(m => m.Id).ToListAsync());
        Assert.Equal([kept.Id], await context.Mentions.Select(m => m.MessageId).ToListAsync());
        Assert.False(await context.MessageRevisions.AnyAsync());
        Assert.False(await context.ChannelReadStates.AnyAsync());
        Assert.Equal(new Dictionary<int, int> { [cast.CommunityId] = 1 }, await readState.GetMentionCountsAsync(cast.Member.Id));
    }
}
