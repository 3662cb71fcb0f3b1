using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Tests.Support;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class QuickSwitchTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task FindAsync_ByEachActor_OnlyMembersFindTheServerAndItsChannels(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: false);
        var switcher = db.Get<QuickSwitchService>();
        var found = new Dictionary<Actor, IReadOnlyList<SwitchTarget>>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Allowed, anonymous: Forbidden),
            async (actor, userId) =>
            {
                var servers = await switcher.FindAsync(userId, "BOOK");
                var channels = await switcher.FindAsync(userId, "#gen");
                found[actor] = [.. servers, .. channels];
            });

        var expected = new SwitchTarget[]
        {
            new(cast.CommunityId, cast.CommunityName),
            new(cast.CommunityId, cast.CommunityName, cast.ChannelId, ChannelService.NormalizeName("general")),
        };
        foreach (var member in Cast.Members)
        {
            Assert.Equal(expected, found[member]);
        }

        // A registered stranger learns nothing, not even that a private server of that name exists.
        Assert.Empty(found[Actor.NonMember]);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task FindAsync_AnyCase_NamesStartingWithTheQueryFirst_WildcardsAreLiteral(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        var channels = db.Get<ChannelService>();
        var club = await communities.CreateAsync(ana.Id, "Book Club", null, isPublic: true);
        var worms = await communities.CreateAsync(ana.Id, "The bookworms", null, isPublic: true);
        var reviews = await channels.CreateAsync(ana.Id, worms.Id, "book-reviews", null);
        await channels.CreateAsync(ana.Id, club.Id, "chess", null);

        var results = await Switcher(db).FindAsync(ana.Id, "  bOOk ");
        var wildcard = await Switcher(db).FindAsync(ana.Id, "%");
        var underscore = await Switcher(db).FindAsync(ana.Id, "b_ok");
        var all = await Switcher(db).FindAsync(ana.Id, "");

        Assert.Equal(
            [new(club.Id, "Book Club"), new(worms.Id, "The bookworms", reviews.Id, "book-reviews"), new(worms.Id, "The bookworms")],
            results);
        Assert.Empty(wildcard);
        Assert.Empty(underscore);
        Assert.Equal([club.Id, worms.Id], all.Select(t => t.CommunityId));
    }

    private static QuickSwitchService Switcher(TestDatabase db) => db.Get<QuickSwitchService>();
}
