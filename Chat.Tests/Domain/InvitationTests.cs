using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Invitations;
using Chat.Domain.Notifications;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class InvitationTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task InviteAsync_PrivateServerByEachActor_OnlyOwnerAndAdminsMayInvite(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var invitations = db.Get<InvitationService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Forbidden, nonMember: Forbidden, anonymous: Forbidden),
            actor => db.CreateUserAsync($"guest_{actor}".ToLowerInvariant()),
            (_, userId, guest) => invitations.InviteAsync(userId, cast.CommunityId, guest.UserName!));

        Assert.Equal(["guest_admin", "guest_owner"], await PendingInviteeNamesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task InviteAsync_PublicServerByEachActor_AnyMemberMayInvite(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var invitations = db.Get<InvitationService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            actor => db.CreateUserAsync($"guest_{actor}".ToLowerInvariant()),
            (_, userId, guest) => invitations.InviteAsync(userId, cast.CommunityId, guest.UserName!));

        Assert.Equal(["guest_admin", "guest_member", "guest_owner"], await PendingInviteeNamesAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task InviteAsync_ByUserName_StoresAWeekLongInvitationTheInviteeSees(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var db = await TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();

        var invitation = await invitations.InviteAsync(cast.Admin.Id, cast.CommunityId, " @GUEST ");

        Assert.Equal(
            (cast.CommunityId, cast.CommunityName, 3, "adam", InvitationStatus.Pending, clock.GetUtcNow().UtcDateTime + Invitation.Lifetime),
            (invitation.CommunityId, invitation.CommunityName, invitation.MemberCount, invitation.InviterDisplayName,
                invitation.Status, invitation.ExpiresAt));
        Assert.Equal([invitation], await invitations.GetPendingAsync(guest.Id));
        Assert.Equal(invitation, await invitations.GetAsync(guest.Id, invitation.Id));
        var notification = Assert.Single(await db.Get<NotificationService>().ListAsync(guest.Id));
        Assert.Equal(
            (NotificationKind.InvitationReceived, "adam", cast.CommunityName, invitation.Id, InvitationStatus.Pending, false),
            (notification.Kind, notification.ActorDisplayName, notification.CommunityName, notification.InvitationId,
                notification.InvitationStatus, notification.IsRead));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task InviteAsync_UnknownUserMemberOrAlreadyInvited_IsRefusedWithAClearMessage(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        await invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "guest");
        var before = await DatabaseSnapshot.TakeAsync(db);

        var unknown = await Assert.ThrowsAsync<ValidationException>(
            () => invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "nobody"));
        var member = await Assert.ThrowsAsync<ValidationException>(
            () => invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "mia"));
        var again = await Assert.ThrowsAsync<ValidationException>(
            () => invitations.InviteAsync(cast.Admin.Id, cast.CommunityId, "guest"));

        Assert.Equal(DomainErrors.NoSuchUser("nobody").Error, unknown.Error);
        Assert.Equal(DomainErrors.AlreadyMember("mia").Error, member.Error);
        Assert.Equal(DomainErrors.AlreadyInvited("guest").Error, again.Error);
        Assert.All([unknown, member, again], e => Assert.Equal("userName", e.Field));
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "every invitation was refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task InviteAsync_AfterCommit_PublishesNotificationCreatedToTheInvitee(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var storedWhenPublished = false;
        using var events = new EventRecorder(db.Get<ChatHub>(), Topics.User(guest.Id), async e =>
        {
            // Read through a connection of its own: the row must be committed, not merely saved in a transaction.
            await using var context = await db.CreateContextAsync();
            storedWhenPublished = await context.Notifications.AnyAsync(n => n.UserId == guest.Id);
        });

        var invitation = await db.Get<InvitationService>().InviteAsync(cast.Owner.Id, cast.CommunityId, "guest");

        var created = Assert.IsType<NotificationCreated>(Assert.Single(events.Events));
        Assert.Equal((guest.Id, NotificationKind.InvitationReceived, invitation.Id),
            (created.UserId, created.Notification.Kind, created.Notification.InvitationId));
        Assert.True(storedWhenPublished);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task AcceptAsync_ByTheInvitee_JoinsAndTellsTheInviter(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var invitation = await invitations.InviteAsync(cast.Admin.Id, cast.CommunityId, "guest");
        using var community = new EventRecorder(db.Get<ChatHub>(), Topics.Community(cast.CommunityId));
        using var inviter = new EventRecorder(db.Get<ChatHub>(), Topics.User(cast.Admin.Id));

        var joined = await invitations.AcceptAsync(guest.Id, invitation.Id);

        Assert.Equal((cast.CommunityId, cast.ChannelId), (joined.Id, joined.FirstChannelId));
        Assert.Equal(MemberRole.Member, await RoleOfAsync(db, cast.CommunityId, guest.Id));
        Assert.Equal(InvitationStatus.Accepted, (await invitations.GetAsync(guest.Id, invitation.Id)).Status);
        Assert.Empty(await invitations.GetPendingAsync(guest.Id));
        var told = Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Admin.Id));
        Assert.Equal((NotificationKind.InvitationAccepted, "guest", invitation.Id),
            (told.Kind, told.ActorDisplayName, told.InvitationId));
        Assert.Equal(guest.Id, Assert.Single(community.Of<MemberJoined>()).Member.UserId);
        Assert.Equal(told.Id, Assert.Single(inviter.Of<NotificationCreated>()).Notification.Id);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeclineAsync_ByTheInvitee_DoesNotJoinAndTellsTheInviter(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var invitation = await invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "guest");

        await invitations.DeclineAsync(guest.Id, invitation.Id);

        Assert.Null(await RoleOfAsync(db, cast.CommunityId, guest.Id));
        Assert.Equal(InvitationStatus.Declined, (await invitations.GetAsync(guest.Id, invitation.Id)).Status);
        var told = Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Owner.Id));
        Assert.Equal((NotificationKind.InvitationDeclined, "guest"), (told.Kind, told.ActorDisplayName));
        // Declined is not pending: the server may ask again.
        await invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "guest");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task AnswerAsync_ByAnyoneButTheInvitee_IsNotFoundAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var invitation = await invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "guest");
        var nobody = Cast.Matrix(owner: NotFound, admin: NotFound, member: NotFound, nonMember: NotFound, anonymous: NotFound);

        await cast.ExpectAsync(nobody, (_, userId) => invitations.AcceptAsync(userId, invitation.Id));
        await cast.ExpectAsync(nobody, (_, userId) => invitations.DeclineAsync(userId, invitation.Id));
        await cast.ExpectAsync(nobody, (_, userId) => invitations.GetAsync(userId, invitation.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task AcceptAsync_AlreadyAnswered_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var invitation = await invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "guest");
        await invitations.AcceptAsync(guest.Id, invitation.Id);
        var before = await DatabaseSnapshot.TakeAsync(db);

        var again = await Assert.ThrowsAsync<ValidationException>(() => invitations.AcceptAsync(guest.Id, invitation.Id));
        var decline = await Assert.ThrowsAsync<ValidationException>(() => invitations.DeclineAsync(guest.Id, invitation.Id));

        Assert.Equal(nameof(DomainErrors.InvitationAnswered), again.Code);
        Assert.Equal(nameof(DomainErrors.InvitationAnswered), decline.Code);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the invitation was answered");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task AcceptAsync_TwiceAtTheSameMoment_OneWinsWithOneMembership(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var invitation = await invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "guest");

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(
            () => Record.ExceptionAsync(() => invitations.AcceptAsync(guest.Id, invitation.Id)))));

        Assert.Single(answers, e => e is null);
        Assert.IsType<ValidationException>(Assert.Single(answers, e => e is not null));
        await using var context = await db.CreateContextAsync();
        Assert.Equal(1, await context.Memberships.CountAsync(m => m.CommunityId == cast.CommunityId && m.UserId == guest.Id));
        Assert.Equal(1, await context.Notifications.CountAsync(
            n => n.UserId == cast.Owner.Id && n.Kind == NotificationKind.InvitationAccepted));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task AcceptAsync_AfterAWeek_IsRefusedAsExpiredAndANewInvitationMayBeSent(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var db = await TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        var invitations = db.Get<InvitationService>();
        var invitation = await invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "guest");
        clock.Advance(Invitation.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Single(await invitations.GetPendingAsync(guest.Id));
        clock.Advance(TimeSpan.FromSeconds(1));

        var expired = await Assert.ThrowsAsync<ValidationException>(() => invitations.AcceptAsync(guest.Id, invitation.Id));

        Assert.Equal(nameof(DomainErrors.InvitationExpired), expired.Code);
        Assert.Null(await RoleOfAsync(db, cast.CommunityId, guest.Id));
        Assert.Empty(await invitations.GetPendingAsync(guest.Id));
        var renewed = await invitations.InviteAsync(cast.Admin.Id, cast.CommunityId, "guest");
        Assert.Equal(clock.GetUtcNow().UtcDateTime + Invitation.Lifetime, renewed.ExpiresAt);
        Assert.Equal([renewed.Id], (await invitations.GetPendingAsync(guest.Id)).Select(i => i.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task AcceptAsync_ExpiredInvitationAlreadySweptByAnotherInvite_IsRefusedAsExpired(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var db = await TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var cast = await Cast.CreateAsync(db);
        var guest = await db.CreateUserAsync("guest");
        await db.CreateUserAsync("other");
        var invitations = db.Get<InvitationService>();
        var invitation = await invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "guest");
        clock.Advance(Invitation.Lifetime + TimeSpan.FromDays(1));
        // Any invitation marks the old pending ones as expired.
        await invitations.InviteAsync(cast.Owner.Id, cast.CommunityId, "other");

        var expired = await Assert.ThrowsAsync<ValidationException>(() => invitations.DeclineAsync(guest.Id, invitation.Id));

        Assert.Equal(nameof(DomainErrors.InvitationExpired), expired.Code);
        Assert.Equal(InvitationStatus.Expired, (await invitations.GetAsync(guest.Id, invitation.Id)).Status);
    }

    private static async Task<IReadOnlyList<string>> PendingInviteeNamesAsync(TestDatabase db)
    {
        await using var context = await db.CreateContextAsync();
        return await context.Invitations.Where(i => i.Status == InvitationStatus.Pending)
            .Join(context.Users, i => i.InviteeId, u => u.Id, (_, u) => u.UserName!)
            .OrderBy(name => name)
            .ToListAsync();
    }

    private static async Task<MemberRole?> RoleOfAsync(TestDatabase db, int communityId, string userId)
    {
        await using var context = await db.CreateContextAsync();
        return await context.Memberships.Where(m => m.CommunityId == communityId && m.UserId == userId)
            .Select(m => (MemberRole?)m.Role).SingleOrDefaultAsync();
    }
}
