using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Domain;

public sealed class CommunityServiceTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_ByUser_MakesCreatorOwnerWithGeneralChannel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();

        var created = await communities.CreateAsync(ana.Id, "  Book club  ", "  Monthly reads  ", isPublic: true);

        var detail = await communities.GetAsync(created.Id, ana.Id);
        Assert.Equal(new CommunityDetail(created.Id, "Book club", "Monthly reads", true, MemberRole.Owner), detail);
        var general = Assert.Single(await db.Get<ChannelService>().ListAsync(created.Id, ana.Id));
        Assert.Equal(CommunityService.DefaultChannelName, general.Name);
        Assert.Equal(new CommunitySummary(created.Id, "Book club", general.Id), created);
        Assert.Equal([created], await communities.GetMineAsync(ana.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_PartOfNameInOtherCase_FindsPublicOnesMostMembersFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var ben = await db.CreateUserAsync("ben");
        var communities = db.Get<CommunityService>();
        var small = await communities.CreateAsync(ana.Id, "Rust Hikers", "Trails", isPublic: true);
        var big = await communities.CreateAsync(ana.Id, "Trust Fund", null, isPublic: true);
        await communities.CreateAsync(ana.Id, "Rusty Secrets", null, isPublic: false);
        await communities.JoinAsync(ben.Id, big.Id);

        var found = await communities.SearchAsync(ben.Id, "RUST");

        Assert.Equal(
            [
                new CommunitySearchResult(big.Id, "Trust Fund", null, 2, IsMember: true),
                new CommunitySearchResult(small.Id, "Rust Hikers", "Trails", 1, IsMember: false),
            ],
            found.Items);
        Assert.False(found.HasMore);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_BlankDescription_StoresNoDescription(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();

        var created = await communities.CreateAsync(ana.Id, "Book club", "   ", isPublic: false);

        var detail = await communities.GetAsync(created.Id, ana.Id);
        Assert.Null(detail.Description);
        Assert.False(detail.IsPublic);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_NameTooShort_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => db.Get<CommunityService>().CreateAsync(ana.Id, " a ", null, isPublic: false));

        Assert.Equal("name", refused.Field);
        await AssertNothingStoredAsync(db);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_NameTooLong_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var name = new string('x', Community.NameMaxLength + 1);

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => db.Get<CommunityService>().CreateAsync(ana.Id, name, null, isPublic: false));

        Assert.Equal("name", refused.Field);
        await AssertNothingStoredAsync(db);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_WhitespaceName_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => db.Get<CommunityService>().CreateAsync(ana.Id, " \t  ", null, isPublic: false));

        Assert.Equal("name", refused.Field);
        await AssertNothingStoredAsync(db);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_DescriptionTooLong_IsRefusedAndStoresNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var description = new string('x', Community.DescriptionMaxLength + 1);

        var refused = await Assert.ThrowsAsync<ValidationException>(
            () => db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", description, isPublic: false));

        Assert.Equal("description", refused.Field);
        await AssertNothingStoredAsync(db);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CreateAsync_LongestNameAndDescription_AreStored(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var name = new string('n', Community.NameMaxLength);
        var description = new string('d', Community.DescriptionMaxLength);

        var created = await db.Get<CommunityService>().CreateAsync(ana.Id, name, description, isPublic: false);

        var detail = await db.Get<CommunityService>().GetAsync(created.Id, ana.Id);
        Assert.Equal(name, detail.Name);
        Assert.Equal(description, detail.Description);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetAsync_ByNonMember_IsForbidden(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var bob = await db.CreateUserAsync("bob");
        var communities = db.Get<CommunityService>();
        var anas = await communities.CreateAsync(ana.Id, "Ana's place", null, isPublic: true);

        var refused = await Record.ExceptionAsync(() => communities.GetAsync(anas.Id, bob.Id));

        Assert.IsType<ForbiddenException>(refused);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetAsync_UnknownId_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        var anas = await communities.CreateAsync(ana.Id, "Ana's place", null, isPublic: true);

        var refused = await Record.ExceptionAsync(() => communities.GetAsync(anas.Id + 1000, ana.Id));

        Assert.IsType<NotFoundException>(refused);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetAsync_WithoutUser_IsForbidden(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        var anas = await communities.CreateAsync(ana.Id, "Ana's place", null, isPublic: true);

        var refused = await Record.ExceptionAsync(() => communities.GetAsync(anas.Id, null));

        Assert.IsType<ForbiddenException>(refused);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetMineAsync_TwoUsers_ListsOnlyOwnCommunitiesInJoinOrder(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var bob = await db.CreateUserAsync("bob");
        var communities = db.Get<CommunityService>();
        var first = await communities.CreateAsync(ana.Id, "First", null, isPublic: true);
        var bobs = await communities.CreateAsync(bob.Id, "Bob's", null, isPublic: true);
        var second = await communities.CreateAsync(ana.Id, "Second", null, isPublic: false);

        var anasList = await communities.GetMineAsync(ana.Id);
        var bobsList = await communities.GetMineAsync(bob.Id);

        Assert.Equal([first, second], anasList);
        Assert.Equal([bobs], bobsList);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetMineAsync_UserWithoutCommunities_IsEmpty(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var bob = await db.CreateUserAsync("bob");
        await db.Get<CommunityService>().CreateAsync(ana.Id, "Ana's place", null, isPublic: true);

        var mine = await db.Get<CommunityService>().GetMineAsync(bob.Id);

        Assert.Empty(mine);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_Term_FindsPublicNamesCaseInsensitivelyMostMembersFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var bob = await db.CreateUserAsync("bob");
        var communities = db.Get<CommunityService>();
        var club = await communities.CreateAsync(ana.Id, "Chess Club", "Weekly games", isPublic: true);
        var masters = await communities.CreateAsync(ana.Id, "chess masters", null, isPublic: true);
        await communities.CreateAsync(ana.Id, "Secret chess", null, isPublic: false);
        await communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await communities.JoinAsync(bob.Id, masters.Id);

        var found = await communities.SearchAsync(bob.Id, "  CHESS ");

        Assert.Equal(
            [
                new CommunitySearchResult(masters.Id, "chess masters", null, 2, true),
                new CommunitySearchResult(club.Id, "Chess Club", "Weekly games", 1, false),
            ],
            found.Items);
        Assert.False(found.HasMore);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_MoreThanAPage_PagesByName(DatabaseProvider provider)
    {
        // One user creates more servers than the limit allows at once; paging is what this is about.
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        for (var i = 0; i <= CommunityService.SearchPageSize; i++)
        {
            await communities.CreateAsync(ana.Id, $"Server {i:D2}", null, isPublic: true);
        }

        var first = await communities.SearchAsync(ana.Id, null);
        var second = await communities.SearchAsync(ana.Id, "", page: 1);

        Assert.Equal(CommunityService.SearchPageSize, first.Items.Count);
        Assert.True(first.HasMore);
        Assert.Equal("Server 00", first.Items[0].Name);
        Assert.Equal($"Server {CommunityService.SearchPageSize:D2}", Assert.Single(second.Items).Name);
        Assert.False(second.HasMore);
    }

    private static async Task AssertNothingStoredAsync(TestDatabase db)
    {
        await using var context = await db.CreateContextAsync();
        Assert.Equal(0, await context.Communities.CountAsync());
        Assert.Equal(0, await context.Channels.CountAsync());
        Assert.Equal(0, await context.Memberships.CountAsync());
    }
}
