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
