using Bunit;
using Chat.App.Components.Pages;
using Chat.Domain.Communities;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Components;

public sealed class InvitePageTests : ChatComponentTests
{
    private ChatUser ana = default!;
    private CommunitySummary club = default!;

    private async Task<string> ArrangeLinkAsync(int? maxUses = null)
    {
        ana = await Database.CreateUserAsync("ana");
        club = await Communities.CreateAsync(ana.Id, "Book club", "We read one novel a month.", isPublic: false);
        return (await Invitations.CreateLinkAsync(ana.Id, club.Id, TimeSpan.FromDays(1), maxUses)).Code;
    }

    private IRenderedComponent<InvitePage> RenderPage(string code) => Render<InvitePage>(ps => ps.Add(p => p.Code, code));

    [Fact]
    public async Task Render_ValidLink_ShowsServerAndJoinButton()
    {
        var code = await ArrangeLinkAsync();
        LogIn(await Database.CreateUserAsync("ben"));

        var page = RenderPage(code);

        Assert.Equal("Book club", page.Find("h1").TextContent);
        Assert.Contains("We read one novel a month.", page.Markup, StringComparison.Ordinal);
        Assert.Contains("1 member", page.Find(".member-count").TextContent, StringComparison.Ordinal);
        Assert.Contains("Join Book club", page.Find("button.primary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_PrivateServer_MakesMemberAndOpensIt()
    {
        var code = await ArrangeLinkAsync();
        var ben = await Database.CreateUserAsync("ben");
        LogIn(ben);
        var page = RenderPage(code);

        page.Find("button.primary").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"servers/{club.Id}/channels/{club.FirstChannelId}", navigation.Uri, StringComparison.Ordinal));
        Assert.Contains(await Communities.GetMineAsync(ben.Id), c => c.Id == club.Id);
    }

    [Fact]
    public async Task Render_AlreadyMember_OffersOpenServer()
    {
        var code = await ArrangeLinkAsync();
        LogIn(ana);

        var page = RenderPage(code);

        Assert.Equal($"servers/{club.Id}", page.Find("a.button.primary").GetAttribute("href"));
        Assert.Equal("Open server", page.Find("a.button.primary").TextContent);
        Assert.Empty(page.FindAll("button"));
    }

    [Fact]
    public async Task Render_UsedUpLink_SaysSoWithoutJoinButton()
    {
        var code = await ArrangeLinkAsync(maxUses: 1);
        var ben = await Database.CreateUserAsync("ben");
        await Invitations.JoinByLinkAsync(ben.Id, code);
        LogIn(await Database.CreateUserAsync("carl"));

        var page = RenderPage(code);

        Assert.Contains("has been used as many times as it allows", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("button"));
    }

    [Fact]
    public async Task Render_RevokedLink_SaysSo()
    {
        var code = await ArrangeLinkAsync();
        await Invitations.RevokeLinkAsync(ana.Id, code);
        LogIn(await Database.CreateUserAsync("ben"));

        var page = RenderPage(code);

        Assert.Contains("This invite link was revoked.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ExpiredLink_SaysSo()
    {
        var code = await ArrangeLinkAsync();
        await using (var db = await Database.CreateContextAsync())
        {
            await db.InviteLinks.Where(l => l.Code == code)
                .ExecuteUpdateAsync(l => l.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        LogIn(await Database.CreateUserAsync("ben"));

        var page = RenderPage(code);

        Assert.Contains("This invite link has expired.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("button"));
    }

    [Fact]
    public async Task Render_UnknownCode_SaysTheLinkDoesNotExist()
    {
        LogIn(await Database.CreateUserAsync("ben"));

        var page = RenderPage("nosuchcode");

        Assert.Equal("Invite not found", page.Find("h1").TextContent);
        Assert.Contains("This invite link does not exist.", page.Markup, StringComparison.Ordinal);
    }
}
