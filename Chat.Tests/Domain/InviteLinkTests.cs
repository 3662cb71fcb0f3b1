using Chat.Domain.Data;
using Chat.Domain.Invitations;
using Chat.Domain.Notifications;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class InviteLinkTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task LinkManagement_ByEachActor_OnlyOwnerAndAdmins(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var invitations = db.Get<InvitationService>();
        var admins = Cast.Matrix(owner: Allowed, admin: Allowed, member: Forbidden, nonMember: Forbidden, anonymous: Forbidden);

        await cast.ExpectAsync(admins, (_, userId) => invitations.CreateLinkAsync(userId, cast.CommunityId, Day, 5));
        await cast.ExpectAsync(admins, async (_, userId) =>
            Assert.Equal(2, (await invitations.ListLinksAsync(userId, cast.CommunityId)).Count));
        await cast.ExpectAsync(
            admins,
            async _ => (await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, Day, 5)).Code,
            (_, userId, code) => invitations.RevokeLinkAsync(userId, code));

        var links = await invitations.ListLinksAsync(cast.Owner.Id, cast.CommunityId);
        // Two made by the first matrix, five for the revoke matrix, of which the owner and the admin revoked theirs.
        Assert.Equal((7, 2), (links.Count, links.Count(l => l.IsRevoked)));
        Assert.Equal("adam", Assert.Single(links, l => l.CreatorDisplayName != "olga").CreatorDisplayName);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateLinkAsync_EachOfferedChoice_StoresItsExpiryAndLimit(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var db = await TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var cast = await Cast.CreateAsync(db);
        var invitations = db.Get<InvitationService>();

        foreach (var lifetime in InviteLinkOptions.Lifetimes)
        {
            foreach (var maxUses in InviteLinkOptions.MaxUses)
            {
                var link = await invitations.CreateLinkAsync(cast.Admin.Id, cast.CommunityId, lifetime, maxUses);

                Assert.Equal(InviteLink.CodeLength, link.Code.Length);
                Assert.Equal(
                    (clock.GetUtcNow().UtcDateTime, clock.GetUtcNow().UtcDateTime + lifetime, maxUses, 0, false, "adam"),
                    (link.CreatedAt, link.ExpiresAt, link.MaxUses, link.Uses, link.IsRevoked, link.CreatorDisplayName));
            }
        }

        var codes = (await invitations.ListLinksAsync(cast.Owner.Id, cast.CommunityId)).Select(l => l.Code).ToList();
        Assert.Equal(InviteLinkOptions.Lifetimes.Count * InviteLinkOptions.MaxUses.Count, codes.Distinct().Count());
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateLinkAsync_ChoiceNotOffered_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var invitations = db.Get<InvitationService>();
        var before = await DatabaseSnapshot.TakeAsync(db);
        (TimeSpan? Lifetime, int? MaxUses)[] notOffered =
        [
            (TimeSpan.FromHours(2), 5), (TimeSpan.Zero, 5), (TimeSpan.FromDays(-1), 5), (TimeSpan.FromDays(365), 5),
            (Day, 0), (Day, -1), (Day, 2), (Day, 1000),
        ];

        foreach (var (lifetime, maxUses) in notOffered)
        {
            await Assert.ThrowsAsync<ValidationException>(
                () => invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, lifetime, maxUses));
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "no choice was offered");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ListLinksAsync_NewestFirstWithTheirUses(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var db = await TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var older = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, null, null);
        clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await invitations.CreateLinkAsync(cast.Admin.Id, cast.CommunityId, Day, 10);
        await invitations.JoinByLinkAsync(guest.Id, older.Code);

        var links = await invitations.ListLinksAsync(cast.Owner.Id, cast.CommunityId);

        Assert.Equal([(newer.Code, 0), (older.Code, 1)], links.Select(l => (l.Code, l.Uses)));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task RevokeLinkAsync_UnknownCode_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);

        var refused = await Record.ExceptionAsync(() => db.Get<InvitationService>().RevokeLinkAsync(cast.Owner.Id, "nosuchcode"));

        Assert.IsType<NotFoundException>(refused);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task PreviewLinkAsync_ShowsTheServerAndWhetherTheLinkStillWorks(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var db = await TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var shortLived = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, TimeSpan.FromMinutes(30), null);
        var once = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, null, 1);
        var revoked = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, null, null);
        await invitations.RevokeLinkAsync(cast.Admin.Id, revoked.Code);

        var anonymous = await invitations.PreviewLinkAsync(null, shortLived.Code);
        var member = await invitations.PreviewLinkAsync(cast.Member.Id, shortLived.Code);
        await invitations.JoinByLinkAsync(guest.Id, once.Code);
        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(
            new InviteLinkPreview(shortLived.Code, cast.CommunityId, cast.CommunityName, null, 3, InviteLinkState.Valid, false),
            anonymous);
        Assert.True(member.IsMember);
        Assert.Equal(InviteLinkState.Expired, (await invitations.PreviewLinkAsync(null, shortLived.Code)).State);
        Assert.Equal(InviteLinkState.UsedUp, (await invitations.PreviewLinkAsync(null, once.Code)).State);
        Assert.Equal(InviteLinkState.Revoked, (await invitations.PreviewLinkAsync(null, revoked.Code)).State);
        Assert.Equal(4, (await invitations.PreviewLinkAsync(guest.Id, once.Code)).MemberCount);
        await Assert.ThrowsAsync<NotFoundException>(() => invitations.PreviewLinkAsync(null, "nosuchcode"));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task JoinByLinkAsync_PrivateServer_JoinsAndTellsTheLinkCreator(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var link = await invitations.CreateLinkAsync(cast.Admin.Id, cast.CommunityId, Day, 5);
        using var community = new EventRecorder(db.Get<ChatHub>(), Topics.Community(cast.CommunityId));
        using var creator = new EventRecorder(db.Get<ChatHub>(), Topics.User(cast.Admin.Id));

        var joined = await invitations.JoinByLinkAsync(guest.Id, link.Code);

        Assert.Equal((cast.CommunityId, cast.ChannelId), (joined.Id, joined.FirstChannelId));
        Assert.Equal(1, await UsesAsync(db, link.Code));
        Assert.True(await IsMemberAsync(db, cast.CommunityId, guest.Id));
        var told = Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Admin.Id));
        Assert.Equal((NotificationKind.JoinedThroughLink, "guest", cast.CommunityName),
            (told.Kind, told.ActorDisplayName, told.CommunityName));
        Assert.Equal(guest.Id, Assert.Single(community.Of<MemberJoined>()).Member.UserId);
        Assert.Equal(told.Id, Assert.Single(creator.Of<NotificationCreated>()).Notification.Id);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task JoinByLinkAsync_AlreadyAMember_DoesNotTakeAUse(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var link = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, Day, 1);

        var summary = await invitations.JoinByLinkAsync(cast.Member.Id, link.Code);

        Assert.Equal(cast.CommunityId, summary.Id);
        Assert.Equal(0, await UsesAsync(db, link.Code));
        Assert.Empty(await db.Get<NotificationService>().ListAsync(cast.Owner.Id));
        await invitations.JoinByLinkAsync(guest.Id, link.Code);
        Assert.True(await IsMemberAsync(db, cast.CommunityId, guest.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task JoinByLinkAsync_LinkThatNoLongerWorks_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var db = await TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var cast = await Cast.CreateAsync(db);
        var first = await db.CreateUserAsync("first");
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var expiring = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, TimeSpan.FromHours(1), null);
        var once = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, null, 1);
        var revoked = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, null, null);
        await invitations.RevokeLinkAsync(cast.Owner.Id, revoked.Code);
        await invitations.JoinByLinkAsync(first.Id, once.Code);
        clock.Advance(TimeSpan.FromHours(1));
        var before = await DatabaseSnapshot.TakeAsync(db);

        var expired = await Assert.ThrowsAsync<ValidationException>(() => invitations.JoinByLinkAsync(guest.Id, expiring.Code));
        var usedUp = await Assert.ThrowsAsync<ValidationException>(() => invitations.JoinByLinkAsync(guest.Id, once.Code));
        var gone = await Assert.ThrowsAsync<ValidationException>(() => invitations.JoinByLinkAsync(guest.Id, revoked.Code));
        await Assert.ThrowsAsync<NotFoundException>(() => invitations.JoinByLinkAsync(guest.Id, "nosuchcode"));
        await Assert.ThrowsAsync<ForbiddenException>(() => invitations.JoinByLinkAsync(null, revoked.Code));

        Assert.Equal(nameof(DomainErrors.InviteLinkExpired), expired.Code);
        Assert.Equal(nameof(DomainErrors.InviteLinkUsedUp), usedUp.Code);
        Assert.Equal(nameof(DomainErrors.InviteLinkRevoked), gone.Code);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "no link worked");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task JoinByLinkAsync_TwoPeopleRacingForTheLastUse_ExactlyOneGetsIn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var invitations = db.Get<InvitationService>();

        // A few rounds, so that the two requests really do overlap in some of them.
        for (var round = 0; round < 5; round++)
        {
            var link = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, Day, 1);
            var racers = new[] { await db.CreateUserAsync($"left{round}"), await db.CreateUserAsync($"right{round}") };

            var outcomes = await Task.WhenAll(racers.Select(racer => Task.Run(
                () => Record.ExceptionAsync(() => invitations.JoinByLinkAsync(racer.Id, link.Code)))));

            Assert.Single(outcomes, e => e is null);
            var loser = Assert.Single(outcomes, e => e is not null);
            Assert.IsType<ValidationException>(loser);
            Assert.Equal(1, await UsesAsync(db, link.Code));
            Assert.Equal(1, await CountMembersAsync(db, cast.CommunityId, racers.Select(r => r.Id)));
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task JoinByLinkAsync_SameUserTwiceAtTheSameMoment_OneMembershipAndOneUse(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var invitations = db.Get<InvitationService>();

        for (var round = 0; round < 5; round++)
        {
            var link = await invitations.CreateLinkAsync(cast.Owner.Id, cast.CommunityId, Day, 5);
            var guest = await db.CreateUserAsync($"guest{round}");

            var joined = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(
                () => invitations.JoinByLinkAsync(guest.Id, link.Code))));

            Assert.All(joined, summary => Assert.Equal(cast.CommunityId, summary.Id));
            Assert.Equal(1, await UsesAsync(db, link.Code));
            Assert.Equal(1, await CountMembersAsync(db, cast.CommunityId, [guest.Id]));
        }
    }

    private static async Task<int> UsesAsync(TestDatabase db, string code)
    {
        await using var context = await db.CreateContextAsync();
        return await context.InviteLinks.Where(l => l.Code == code).Select(l => l.Uses).SingleAsync();
    }

    private static async Task<bool> IsMemberAsync(TestDatabase db, int communityId, string userId) =>
        await CountMembersAsync(db, communityId, [userId]) == 1;

    private static async Task<int> CountMembersAsync(TestDatabase db, int communityId, IEnumerable<string> userIds)
    {
        var ids = userIds.ToList();
        await using var context = await db.CreateContextAsync();
        return await context.Memberships.CountAsync(m => m.CommunityId == communityId && ids.Contains(m.UserId));
    }
}
