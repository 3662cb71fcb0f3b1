using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class CommunityManagementTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UpdateAsync_ByEachActor_OnlyOwnerAndAdminsMayEdit(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Forbidden, nonMember: Forbidden, anonymous: Forbidden),
            (actor, userId) => communities.UpdateAsync(userId, cast.CommunityId, $"Renamed by {actor}", "About", isPublic: true));

        var detail = await communities.GetAsync(cast.CommunityId, cast.Member.Id);
        Assert.Equal(("Renamed by Admin", "About", true), (detail.Name, detail.Description, detail.IsPublic));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_ByEachActor_OnlyTheOwnerMayDelete(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();
        await db.Get<MessageService>().SendAsync(cast.Member.Id, cast.ChannelId, "@olga hello", Guid.NewGuid());

        // The owner last: after that there is nothing left to refuse.
        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Forbidden, member: Forbidden, nonMember: Forbidden, anonymous: Forbidden)
                .OrderBy(row => row.Actor == Actor.Owner),
            (_, userId) => communities.DeleteAsync(userId, cast.CommunityId, cast.CommunityName));

        Assert.Empty(await DatabaseSnapshot.TakeAsync(db));
        Assert.Empty(await communities.GetMineAsync(cast.Owner.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task DeleteAsync_WrongConfirmation_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var before = await DatabaseSnapshot.TakeAsync(db);

        foreach (var confirmation in new[] { "", "book club", "Book club!", "Book" })
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(
                () => db.Get<CommunityService>().DeleteAsync(cast.Owner.Id, cast.CommunityId, confirmation));
            Assert.Equal("confirmName", refused.Field);
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the confirmations were wrong");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task LeaveAsync_ByEachActor_MembersButNotTheOwnerMayLeave(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Invalid, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            async (actor, userId) =>
            {
                await communities.LeaveAsync(userId, cast.CommunityId);
                Assert.Empty(await communities.GetMineAsync(userId!));
            },
            restoreMemberships: true);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task KickAsync_EachActorAndTarget_OnlyHigherRolesMayKick(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();
        var dora = await db.CreateUserAsync("dora");
        var max = await db.CreateUserAsync("max");
        var targets = new (string Name, ChatUser User, MemberRole Role)[]
        {
            ("owner", cast.Owner, MemberRole.Owner),
            ("admin", cast.Admin, MemberRole.Admin),
            ("other admin", dora, MemberRole.Admin),
            ("member", cast.Member, MemberRole.Member),
            ("other member", max, MemberRole.Member),
        };

        foreach (var (name, target, role) in targets)
        {
            var matrix = Cast.All.Select(actor => (actor, MayKick(actor, role) ? Allowed : Forbidden));
            await cast.ExpectAsync(
                matrix,
                async _ => await AddMembersAsync(db, cast, (dora.Id, MemberRole.Admin), (max.Id, MemberRole.Member)),
                async (actor, userId, _) =>
                {
                    await communities.KickAsync(userId, cast.CommunityId, target.Id);
                    Assert.DoesNotContain(
                        target.Id, (await communities.GetMembersAsync(cast.CommunityId, cast.Owner.Id)).Select(m => m.UserId));
                },
                restoreMemberships: true);
        }

        // Removing someone who is not a member is not found, even for the owner.
        await Assert.ThrowsAsync<NotFoundException>(() => communities.KickAsync(cast.Owner.Id, cast.CommunityId, cast.NonMember.Id));

        static bool MayKick(Actor actor, MemberRole target) =>
            (actor, target) is (Actor.Owner, MemberRole.Admin or MemberRole.Member) or (Actor.Admin, MemberRole.Member);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetRoleAsync_ByEachActor_OnlyTheOwnerMayChangeRoles(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();
        var onlyOwner = Cast.Matrix(owner: Allowed, admin: Forbidden, member: Forbidden, nonMember: Forbidden, anonymous: Forbidden);

        foreach (var (target, role) in new[] { (cast.Member.Id, MemberRole.Admin), (cast.Admin.Id, MemberRole.Member) })
        {
            await cast.ExpectAsync(
                onlyOwner,
                async (_, userId) =>
                {
                    await communities.SetRoleAsync(userId, cast.CommunityId, target, role);
                    var members = await communities.GetMembersAsync(cast.CommunityId, cast.Owner.Id);
                    Assert.Equal(role, members.Single(m => m.UserId == target).Role);
                },
                restoreMemberships: true);
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetRoleAsync_OwnerRoleOrUnknownRoleOrNonMember_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();
        var before = await DatabaseSnapshot.TakeAsync(db);

        await Assert.ThrowsAsync<ValidationException>(() => communities.SetRoleAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id, MemberRole.Owner));
        await Assert.ThrowsAsync<ValidationException>(() => communities.SetRoleAsync(cast.Owner.Id, cast.CommunityId, cast.Owner.Id, MemberRole.Admin));
        await Assert.ThrowsAsync<ValidationException>(() => communities.SetRoleAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id, (MemberRole)7));
        await Assert.ThrowsAsync<ValidationException>(() => communities.SetRoleAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id, (MemberRole)(-1)));
        await Assert.ThrowsAsync<NotFoundException>(() => communities.SetRoleAsync(cast.Owner.Id, cast.CommunityId, cast.NonMember.Id, MemberRole.Admin));

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the role changes were refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task TransferOwnershipAsync_ByEachActor_OnlyTheOwnerMayTransfer(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Forbidden, member: Forbidden, nonMember: Forbidden, anonymous: Forbidden),
            (_, userId) => communities.TransferOwnershipAsync(userId, cast.CommunityId, cast.Member.Id),
            restoreMemberships: true);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task TransferOwnershipAsync_ToMember_SwapsRolesAndLetsTheOldOwnerLeave(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();

        await communities.TransferOwnershipAsync(cast.Owner.Id, cast.CommunityId, cast.Member.Id);

        var roles = (await communities.GetMembersAsync(cast.CommunityId, cast.Member.Id)).ToDictionary(m => m.UserId, m => m.Role);
        Assert.Equal(MemberRole.Owner, roles[cast.Member.Id]);
        Assert.Equal(MemberRole.Admin, roles[cast.Owner.Id]);
        Assert.Single(roles, r => r.Value == MemberRole.Owner);
        await Assert.ThrowsAsync<ValidationException>(() => communities.LeaveAsync(cast.Member.Id, cast.CommunityId));
        await communities.LeaveAsync(cast.Owner.Id, cast.CommunityId);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task TransferOwnershipAsync_ToSelfOrNonMember_IsNotFoundAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();
        var before = await DatabaseSnapshot.TakeAsync(db);

        await Assert.ThrowsAsync<NotFoundException>(() => communities.TransferOwnershipAsync(cast.Owner.Id, cast.CommunityId, cast.Owner.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => communities.TransferOwnershipAsync(cast.Owner.Id, cast.CommunityId, cast.NonMember.Id));

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the transfers were refused");
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetMembersAsync_ByEachActor_OnlyMembersMayList(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var communities = db.Get<CommunityService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            async (_, userId) => Assert.Equal(
                [("olga", MemberRole.Owner), ("adam", MemberRole.Admin), ("mia", MemberRole.Member)],
                (await communities.GetMembersAsync(cast.CommunityId, userId)).Select(m => (m.UserName, m.Role))));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task JoinAsync_ByEachActor_PublicOpensToAnyUserPrivateToNone(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: false);
        var communities = db.Get<CommunityService>();
        Func<Actor, string?, Task> join = async (_, userId) =>
            Assert.Equal(cast.ChannelId, (await communities.JoinAsync(userId, cast.CommunityId)).FirstChannelId);

        // Members "join" again without effect, even a private server; nobody else gets into a private one.
        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden), join);
        await using (var context = await db.CreateContextAsync())
        {
            await context.Communities.Where(c => c.Id == cast.CommunityId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPublic, true));
        }

        var before = await DatabaseSnapshot.TakeAsync(db);
        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Allowed, anonymous: Forbidden), join);

        var members = await communities.GetMembersAsync(cast.CommunityId, cast.NonMember.Id);
        Assert.Equal([("olga", MemberRole.Owner), ("adam", MemberRole.Admin), ("mia", MemberRole.Member), ("nick", MemberRole.Member)], members.Select(m => (m.UserName, m.Role)));
        Assert.Equal(before.Count + 1, (await DatabaseSnapshot.TakeAsync(db)).Count);
        await Assert.ThrowsAsync<NotFoundException>(() => communities.JoinAsync(cast.NonMember.Id, cast.CommunityId + 1000));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task JoinAsync_RacingJoinsOfOneUser_LeaveOneMembershipAndOneEvent(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var communities = db.Get<CommunityService>();
        var joined = 0;
        using var subscription = db.Get<Chat.Domain.Realtime.ChatHub>().Subscribe(
            Chat.Domain.Realtime.Topics.Community(cast.CommunityId),
            e =>
            {
                if (e is Chat.Domain.Realtime.MemberJoined)
                {
                    Interlocked.Increment(ref joined);
                }

                return Task.CompletedTask;
            });

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(
            _ => Task.Run(() => communities.JoinAsync(cast.NonMember.Id, cast.CommunityId))));

        Assert.All(results, r => Assert.Equal(cast.CommunityId, r.Id));
        await using var context = await db.CreateContextAsync();
        Assert.Equal(1, await context.Memberships.CountAsync(m => m.UserId == cast.NonMember.Id));
        Assert.Equal(1, joined);
    }

    private static async Task<int> AddMembersAsync(TestDatabase db, Cast cast, params (string UserId, MemberRole Role)[] members)
    {
        await using var context = await db.CreateContextAsync();
        foreach (var (userId, role) in members)
        {
            context.Memberships.Add(new Membership
            {
                CommunityId = cast.CommunityId,
                UserId = userId,
                Role = role,
                JoinedAt = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc),
            });
        }

        return await context.SaveChangesAsync();
    }
}
