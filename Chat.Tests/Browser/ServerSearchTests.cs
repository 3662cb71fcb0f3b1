using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

public sealed class ServerSearchTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task FindServers_PartOfNameInOtherCase_ShowsServerAndJoinAddsMemberLive()
    {
        await using var contextA = await app.NewContextAsync();
        await using var contextB = await app.NewContextAsync();
        var errors = ChromiumFixture.CollectConsoleErrors(contextB);
        var pageA = await contextA.NewPageAsync();
        var pageB = await contextB.NewPageAsync();
        var a = TestUser.Create("ann");
        var b = TestUser.Create("bob");
        await pageA.RegisterAsync(a);
        await pageA.ExpectShellAsync();
        await pageB.RegisterAsync(b);
        await pageB.ExpectShellAsync();
        var name = TwoUsers.UniqueServerName("Stargazers");
        await pageA.CreateServerAsync(name, "Telescopes, comets and clear skies.");

        await pageB.SearchServersAsync(name[3..].ToUpperInvariant());

        var result = pageB.SearchResult(name);
        await Expect(result).ToContainTextAsync("Telescopes, comets and clear skies.");
        await Expect(result).ToContainTextAsync("1 member");
        await result.GetByRole(AriaRole.Button, new() { Name = $"Join {name}" }).ClickAsync();
        await Expect(pageB).ToHaveURLAsync(ChatPage.ChannelUrl());
        await Expect(pageB.GetByRole(AriaRole.Heading, new() { Name = "# general" })).ToBeVisibleAsync();
        await Expect(pageB.ServerRail().GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        // A has the server open since creating it: B shows up there without a reload.
        var member = pageA.MemberList().GetByRole(AriaRole.Listitem).Filter(new() { HasText = b.DisplayName });
        await Expect(member).ToContainTextAsync("online");

        await pageB.SearchServersAsync(name.ToLowerInvariant());

        await Expect(result).ToContainTextAsync("2 members");
        await Expect(result.GetByRole(AriaRole.Link, new() { Name = "Joined" })).ToBeVisibleAsync();
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    [BrowserFact]
    public async Task FindServers_NoMatch_SaysSo()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create());
        await page.ExpectShellAsync();
        var query = $"nothing-{Guid.NewGuid():N}";

        await page.SearchServersAsync(query);

        await Expect(page.GetByText($"No public server matches “{query}”.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Search results" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
    }
}
