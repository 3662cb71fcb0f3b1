using System.Text.RegularExpressions;
using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

public sealed partial class ShellTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
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
        await Expect(page).ToHaveURLAsync(ChannelUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "# general" })).ToBeVisibleAsync();
        await Expect(page.MessageLog()).ToContainTextAsync("No messages yet");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Message" })).ToBeEnabledAsync();
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
        await SaveScreenshotAsync(page);
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

    // The README shows the shell; CHAT_SCREENSHOT=docs/screenshot.png (relative to the repository) refreshes it.
    private static async Task SaveScreenshotAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable("CHAT_SCREENSHOT") is not { Length: > 0 } path)
        {
            return;
        }

        if (!Path.IsPathRooted(path))
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Chat.sln")))
            {
                root = root.Parent;
            }

            path = Path.Combine(root?.FullName ?? Environment.CurrentDirectory, path);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, Animations = ScreenshotAnimations.Disabled });
    }

    [GeneratedRegex(@"/servers/\d+/channels/\d+$")]
    private static partial Regex ChannelUrl();
}
