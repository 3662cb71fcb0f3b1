using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

public sealed class ChannelServiceTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ListAsync_ByMember_ReturnsChannelsInSidebarOrder(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await using (var context = await db.CreateContextAsync())
        {
            var now = DateTime.UtcNow;
            context.Channels.AddRange(
                new Channel { CommunityId = community.Id, Name = "random", Topic = "Anything", Position = 2, CreatedAt = now },
                new Channel { CommunityId = community.Id, Name = "announcements", Position = 1, CreatedAt = now },
                new Channel { CommunityId = community.Id, Name = "off-topic", Position = 2, CreatedAt = now });
            await context.SaveChangesAsync();
        }

        var channels = await db.Get<ChannelService>().ListAsync(community.Id, ana.Id);

        Assert.Equal(["general", "announcements", "random", "off-topic"], channels.Select(c => c.Name));
        Assert.All(channels, c => Assert.Equal(community.Id, c.CommunityId));
        Assert.Equal("Anything", channels[2].Topic);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ListAsync_ByNonMember_IsForbidden(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var bob = await db.CreateUserAsync("bob");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);

        var refused = await Record.ExceptionAsync(() => db.Get<ChannelService>().ListAsync(community.Id, bob.Id));

        Assert.IsType<ForbiddenException>(refused);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ListAsync_UnknownCommunity_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");

        var refused = await Record.ExceptionAsync(() => db.Get<ChannelService>().ListAsync(12345, ana.Id));

        Assert.IsType<NotFoundException>(refused);
    }
}
