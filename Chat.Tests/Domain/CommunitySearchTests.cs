using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

public sealed class CommunitySearchTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_AnyCase_FindsPublicCommunitiesContainingTheQuery(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        var bookClub = await communities.CreateAsync(ana.Id, "Book Club", "Monthly reads", isPublic: true);
        var worms = await communities.CreateAsync(ana.Id, "the bookworms", null, isPublic: true);
        await communities.CreateAsync(ana.Id, "Chess", null, isPublic: true);
        await communities.CreateAsync(ana.Id, "100% books", null, isPublic: false);

        var upper = await communities.SearchAsync(null, "  BOOK ");
        var lower = await communities.SearchAsync(null, "book");
        var wildcard = await communities.SearchAsync(null, "%");
        var underscore = await communities.SearchAsync(null, "b_ok");

        Assert.Equal([bookClub.Id, worms.Id], upper.Items.Select(r => r.Id).Order());
        Assert.Equal(upper, lower, new SearchPageComparer());
        Assert.Contains(new CommunitySearchResult(bookClub.Id, "Book Club", "Monthly reads", 1, false), upper.Items);
        Assert.Empty(wildcard.Items);
        Assert.Empty(underscore.Items);
        Assert.Equal(3, (await communities.SearchAsync(null, "")).Items.Count);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_PrivateCommunity_IsNeverShownEvenToItsMembers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: false);
        var communities = db.Get<CommunityService>();

        foreach (var actor in Cast.All)
        {
            var page = await communities.SearchAsync(cast.IdOf(actor), "book");

            Assert.Empty(page.Items);
            Assert.False(page.HasMore);
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_AfterAJoin_CountsTheNewMemberAndMarksIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var communities = db.Get<CommunityService>();
        var before = Assert.Single((await communities.SearchAsync(cast.NonMember.Id, "book")).Items);

        await communities.JoinAsync(cast.NonMember.Id, cast.CommunityId);

        var after = Assert.Single((await communities.SearchAsync(cast.NonMember.Id, "book")).Items);
        Assert.Equal((3, false), (before.MemberCount, before.IsMember));
        Assert.Equal((4, true), (after.MemberCount, after.IsMember));
        Assert.True(Assert.Single((await communities.SearchAsync(cast.Member.Id, "book")).Items).IsMember);
        Assert.False(Assert.Single((await communities.SearchAsync(null, "book")).Items).IsMember);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_ManyMatches_PagesByTwentyWithHasMore(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        const int count = CommunityService.SearchPageSize * 2 + 1;
        await using (var context = await db.CreateContextAsync())
        {
            var now = DateTime.UtcNow;
            context.Communities.AddRange(Enumerable.Range(0, count).Select(i => new Community
            {
                Name = $"Club {i:D2}",
                IsPublic = true,
                CreatedAt = now,
                Memberships = [new Membership { UserId = ana.Id, Role = MemberRole.Owner, JoinedAt = now }],
            }));
            await context.SaveChangesAsync();
        }

        var communities = db.Get<CommunityService>();
        var pages = new List<CommunitySearchPage>();
        for (var page = 0; page < 4; page++)
        {
            pages.Add(await communities.SearchAsync(ana.Id, "club", page));
        }

        Assert.Equal([20, 20, 1, 0], pages.Select(p => p.Items.Count));
        Assert.Equal([true, true, false, false], pages.Select(p => p.HasMore));
        Assert.Equal([0, 1, 2, 3], pages.Select(p => p.Page));
        Assert.Equal(count, pages.SelectMany(p => p.Items).Select(r => r.Id).Distinct().Count());
        Assert.All(pages.SelectMany(p => p.Items), r => Assert.True(r.IsMember));
        Assert.Equal(pages[0].Items, (await communities.SearchAsync(ana.Id, "club", -1)).Items);
    }

    private sealed class SearchPageComparer : IEqualityComparer<CommunitySearchPage>
    {
        public bool Equals(CommunitySearchPage? x, CommunitySearchPage? y) =>
            x is not null && y is not null && x.Items.SequenceEqual(y.Items) && x.Page == y.Page && x.HasMore == y.HasMore;

        public int GetHashCode(CommunitySearchPage obj) => obj.Page;
    }
}
