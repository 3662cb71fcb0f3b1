using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Profiles;
using Chat.Tests.Support;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class ProfileCardTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetAsync_ByEachActor_OnlyMembersOfTheServerSeeAMembersCard(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var cards = db.Get<ProfileCardService>();
        var seen = new List<ProfileCardView>();

        // The card shows this server's role, so it is for this server's members; reading it changes nothing.
        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            async (_, userId) => seen.Add(await cards.GetAsync(userId, cast.CommunityId, cast.Member.Id)));

        Assert.Equal(3, seen.Count);
        Assert.All(seen, card => Assert.Equal(
            new ProfileCardView(cast.Member.Id, "mia", "mia", null, 0, MemberRole.Member), card));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetAsync_TargetNotAMember_IsNotFoundForEveryone(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var cards = db.Get<ProfileCardService>();

        // Nick belongs to no server of theirs: his bio stays his, even for the owner. Refusals come first for those
        // who may not look at all, so a non-member cannot learn who belongs to the server.
        await cast.ExpectAsync(
            Cast.Matrix(owner: NotFound, admin: NotFound, member: NotFound, nonMember: Forbidden, anonymous: Forbidden),
            (_, userId) => cards.GetAsync(userId, cast.CommunityId, cast.NonMember.Id));
        await cast.ExpectAsync(
            Cast.Matrix(owner: NotFound, admin: NotFound, member: NotFound, nonMember: Forbidden, anonymous: Forbidden),
            (_, userId) => cards.GetAsync(userId, cast.CommunityId, "no-such-user"));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetAsync_ShowsBioPictureAndTheRoleInThisServer(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var profiles = db.Get<ProfileService>();
        await profiles.UpdateAsync(cast.Admin.Id, "Adam Smith", "Keeps the rules.");
        var avatarVersion = await profiles.SetAvatarAsync(cast.Admin.Id, TestImages.Png(8, 8));
        var cards = db.Get<ProfileCardService>();

        var byMember = await cards.GetAsync(cast.Member.Id, cast.CommunityId, cast.Admin.Id);
        var owner = await cards.GetAsync(cast.Member.Id, cast.CommunityId, cast.Owner.Id);

        Assert.Equal(new ProfileCardView(cast.Admin.Id, "adam", "Adam Smith", "Keeps the rules.", avatarVersion, MemberRole.Admin), byMember);
        Assert.Equal(MemberRole.Owner, owner.Role);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetAsync_AfterTheTargetOrTheViewerLeft_IsNotFoundOrRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var cards = db.Get<ProfileCardService>();
        var communities = db.Get<CommunityService>();
        await communities.KickAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id);

        // The removed member's card is gone from the server at once, and so is their view of the others'.
        var gone = await Assert.ThrowsAsync<NotFoundException>(() => cards.GetAsync(cast.Admin.Id, cast.CommunityId, cast.Member.Id));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => cards.GetAsync(cast.Member.Id, cast.CommunityId, cast.Admin.Id));

        Assert.Equal(nameof(DomainErrors.UserNotMember), gone.Code);
        Assert.Equal(nameof(DomainErrors.NotAMember), refused.Code);
        var unknownServer = await Assert.ThrowsAsync<NotFoundException>(() => cards.GetAsync(cast.Admin.Id, -1, cast.Admin.Id));
        Assert.Equal(nameof(DomainErrors.ServerNotFound), unknownServer.Code);
    }
}
