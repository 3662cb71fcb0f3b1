using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

public sealed class ShellTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task CreateServer_ThroughDialog_AppearsInRailAndOpensGeneral()
    {
        await using var context = await app.NewContextAsync();
        var errors = ChromiumFixture.CollectConsoleErrors(context);
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create("ada"));
        await page.ExpectShellAsync();

        await page.CreateServerAsync("Design Crew");

        await Expect(page.ServerRail().GetByRole(AriaRole.Link, new() { Name = "Design Crew" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(ChatPage.ChannelUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "# general" })).ToBeVisibleAsync();
        await Expect(page.MessageLog()).ToContainTextAsync("No messages yet");
        await Expect(page.ComposerBox()).ToBeEnabledAsync();
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    [BrowserTheory]
    [InlineData("attachments.js")]
    [InlineData("suggestions.js")]
    [InlineData("chat.js")]
    public async Task LeavingAChannelBeforeItsScriptArrives_TheNextPageStaysUsable(string script)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create("ada"));
        await page.ExpectShellAsync();
        await page.CreateServerAsync("Slow Crew");
        // A slow connection: one of the channel's scripts (the composer's or the log's) arrives only after the user
        // has moved on, so it is handed elements that are no longer on the page, by a part that is gone.
        var held = await HeldScript.HoldAsync(page, script);
        await page.ReloadAsync();
        await page.ExpectShellAsync();

        await page.ServerRail().GetByRole(AriaRole.Link, new() { Name = "Find servers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find servers" })).ToBeVisibleAsync();
        await held.ReleaseAsync();
        var search = page.GetByLabel("Search public servers by name");
        await search.FillAsync("nothing-is-called-this");

        await Expect(page.GetByText("No public server matches")).ToBeVisibleAsync();
        await Expect(search).ToBeEditableAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Something went wrong" })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task UnknownUrl_LoggedIn_ShowsNotFoundPageWithWayBack()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create());
        await page.ExpectShellAsync();

        var response = await page.GotoAsync("no/such/page");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to Chat" }).ClickAsync();
        await page.ExpectShellAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl.ToString());
    }
}
