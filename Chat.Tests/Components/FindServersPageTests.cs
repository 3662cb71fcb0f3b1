using Bunit;
using Chat.App.Components.Pages;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace Chat.Tests.Components;

public sealed class FindServersPageTests : ChatComponentTests
{
    [Fact]
    public async Task Prerendered_SearchAndJoin_WaitForTheLiveCircuit()
    {
        var ana = await Database.CreateUserAsync("ana");
        await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        LogIn(await Database.CreateUserAsync("ben"));
        // The first response is prerendered HTML: a click there would do nothing, so nothing invites one.
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = Render<FindServersPage>();

        Assert.True(page.Find("input[type=search]").HasAttribute("disabled"));
        Assert.True(page.Find("button[aria-label='Join Book club']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Join_InLiveCircuit_MakesMemberAndOpensTheServer()
    {
        var ana = await Database.CreateUserAsync("ana");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        var ben = await Database.CreateUserAsync("ben");
        LogIn(ben);
        var page = Render<FindServersPage>();

        Assert.False(page.Find("input[type=search]").HasAttribute("disabled"));
        page.Find("button[aria-label='Join Book club']").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"servers/{club.Id}", navigation.Uri, StringComparison.Ordinal));
        Assert.Contains(await Communities.GetMineAsync(ben.Id), c => c.Id == club.Id);
    }
}
