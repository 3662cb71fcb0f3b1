using Bunit;
using Chat.App.Components.Layout;
using Chat.Domain.Realtime;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

public sealed class ServerRailTests : ChatComponentTests
{
    [Fact]
    public async Task Render_UserInNoServer_SaysSoAndOffersCreateAndFind()
    {
        LogIn(await Database.CreateUserAsync("ana"));

        var rail = Render<ServerRail>();

        var nav = rail.Find("nav[aria-label='Servers']");
        Assert.Contains("You are not in any server yet", nav.TextContent, StringComparison.Ordinal);
        Assert.NotNull(rail.Find("button[aria-label='Create server']"));
        Assert.Equal("servers/find", rail.Find("a[aria-label='Find servers']").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_UserInServers_ListsOnlyTheirs()
    {
        var ana = await Database.CreateUserAsync("ana");
        var ben = await Database.CreateUserAsync("ben");
        var mine = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await Communities.CreateAsync(ben.Id, "Chess", null, isPublic: true);
        LogIn(ana);

        var rail = Render<ServerRail>();

        var links = rail.FindAll("nav[aria-label='Servers'] a.server-icon[href^='servers/']");
        Assert.Equal([$"servers/{mine.Id}"], links.Where(a => a.GetAttribute("aria-label") != "Find servers").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("You are not in any server yet", rail.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerCreatedInAnotherTab_AppearsLive()
    {
        var ana = await Database.CreateUserAsync("ana");
        LogIn(ana);
        var rail = Render<ServerRail>();

        await Communities.CreateAsync(ana.Id, "Garden", null, isPublic: false);

        rail.WaitForAssertion(() => Assert.NotNull(rail.Find("a[title='Garden']")));
    }

    [Fact]
    public async Task MentionInAnotherServer_ShowsBadgeLive()
    {
        var ana = await Database.CreateUserAsync("ana");
        var ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(ben.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ana.Id, club.Id);
        LogIn(ana);
        var rail = Render<ServerRail>();

        await Messages.SendAsync(ben.Id, club.FirstChannelId!.Value, "hey @ana, chapter 3?", Guid.NewGuid());

        rail.WaitForAssertion(() => Assert.Equal("1", rail.Find(".rail-badge").TextContent));
    }

    [Fact]
    public async Task Dispose_LeavesNoSubscribers()
    {
        var ana = await Database.CreateUserAsync("ana");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        LogIn(ana);
        Render<ServerRail>();
        Assert.Equal(1, Hub.SubscriberCount(Topics.Community(club.Id)));

        await DisposeComponentsAsync();

        Assert.Equal(0, Hub.SubscriberCount(Topics.Community(club.Id)));
        Assert.Equal(0, Hub.SubscriberCount(Topics.User(ana.Id)));
    }
}
