using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// The whole errand of a new user on a phone (390 × 844, touch), a tablet (768 × 1024) and a desktop (1280 × 800),
/// in both themes: register, create a server, send, edit and delete by tapping, invite someone who accepts from the
/// inbox, find and join a server. The flows are the desktop tests' own (ChatPage, TwoUsers), which open the drawers
/// where a screen needs it.
/// </summary>
public sealed class ScreenSizeTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserTheory]
    [InlineData("phone", "dark")]
    [InlineData("phone", "light")]
    [InlineData("tablet", "dark")]
    [InlineData("tablet", "light")]
    [InlineData("desktop", "dark")]
    [InlineData("desktop", "light")]
    public async Task MainFlow_OnSmallScreen_EveryStepWorksAndMessagesTakeTheWidth(string screenName, string theme)
    {
        var screen = Screen.Named(screenName);
        // A theme chosen before registering (the cookie) becomes the new account's.
        Func<IBrowserContext, Task> withTheme = context => context.AddCookiesAsync(
            [new Cookie { Name = "chat.theme", Value = theme, Url = app.BaseUrl.ToString() }]);
        // A registers and creates a server; B registers, finds it and joins it.
        await using var users = await TwoUsers.InNewServerAsync(app, screen, withTheme);
        var (a, b) = (users.PageA, users.PageB);
        var errors = ChromiumFixture.CollectConsoleErrors(users.ContextA);
        await ExpectThemeAsync(a, theme);
        await ExpectLayoutAsync(a, screen);

        await a.SendMessageAsync("Hello from a small screen");
        await Expect(b.Message("Hello from a small screen")).ToBeVisibleAsync();
        var mine = a.Message("Hello from a small screen");
        await mine.ShowActionsAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Edit message" }).ClickAsync();
        var editor = a.MessageLog().GetByRole(AriaRole.Textbox, new() { Name = "Edit message" });
        await editor.ExpectKeysReadyAsync();
        await editor.FillAsync("Hello, edited on a small screen");
        await editor.PressAsync("Enter");
        await Expect(b.Message("Hello, edited on a small screen")).ToBeVisibleAsync();
        var edited = a.Message("Hello, edited on a small screen");
        await edited.ShowActionsAsync();
        await edited.GetByRole(AriaRole.Button, new() { Name = "Delete message" }).ClickAsync();
        var confirm = a.GetByRole(AriaRole.Dialog, new() { Name = "Delete message" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(b.Message("Hello, edited on a small screen")).ToHaveCountAsync(0);

        // A third person, invited by name, accepts from the inbox; the server appears in their rail.
        await using var contextC = await app.NewContextAsync(screen);
        await withTheme(contextC);
        var c = await contextC.NewPageAsync();
        var userC = TestUser.Create("cat");
        await c.RegisterAsync(userC);
        await c.ExpectShellAsync();
        var invite = await a.OpenInviteDialogAsync();
        await invite.GetByLabel("Username").FillAsync(userC.UserName);
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(a.Snackbar($"Invitation sent to {userC.UserName}")).ToBeVisibleAsync();
        var inbox = await c.OpenInboxAsync();
        await inbox.GetByRole(AriaRole.Button, new() { Name = $"Accept invitation to {users.ServerName}" }).ClickAsync();

        await Expect(inbox).ToContainTextAsync("You accepted");
        await Expect(c.ServerRail().GetByRole(AriaRole.Link, new() { Name = users.ServerName })).ToBeAttachedAsync();
        await ExpectThemeAsync(c, theme);
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    private static async Task ExpectThemeAsync(IPage page, string theme)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
        var background = await page.MessageLog().EvaluateAsync<string>("e => getComputedStyle(e.closest('.message-pane')).backgroundColor");
        Assert.Equal(theme == "light" ? "rgb(255, 255, 255)" : "rgb(49, 51, 56)", background);
    }

    // Phone: the messages take the screen's width and the composer sits at its bottom; the navigation opens from
    // the app bar. Tablet: rail and channels docked, the member list a drawer that the channel header opens.
    // Desktop: all four columns. A drawer takes the focus when it opens; Escape gives it back to its button.
    private static async Task ExpectLayoutAsync(IPage page, Screen screen)
    {
        var log = (await page.MessageLog().BoundingBoxAsync())!;
        var composer = (await page.ComposerBox().BoundingBoxAsync())!;
        Assert.True(composer.Y + composer.Height <= screen.Height, $"The composer ends at {composer.Y + composer.Height}, below the screen.");
        Assert.True(composer.Y + composer.Height > screen.Height - 80, $"The composer ends at {composer.Y + composer.Height}, far from the bottom.");
        if (screen.IsPhone)
        {
            Assert.Equal(screen.Width, log.Width, 1.0);
            await Expect(page.ServerRail()).ToBeHiddenAsync();
            await page.ShowNavigationAsync();
            await Expect(page.ChannelLink("general")).ToBeInViewportAsync();
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.ServerRail()).ToBeHiddenAsync();
            await Expect(page.NavigationToggle()).ToBeFocusedAsync();
            await page.ShowNavigationAsync();
            await page.ChannelLink("general").ClickAsync();
            await Expect(page.ServerRail()).ToBeHiddenAsync();
        }
        else
        {
            await Expect(page.ServerRail()).ToBeInViewportAsync();
            await Expect(page.ChannelList()).ToBeInViewportAsync();
            Assert.True(log.Width > screen.Width / 2, $"The messages are {log.Width} px wide.");
        }

        var members = page.GetByRole(AriaRole.Button, new() { Name = "Members", Exact = true });
        if (screen.Width >= 1200)
        {
            await Expect(page.MemberList()).ToBeInViewportAsync();
            await Expect(members).ToBeHiddenAsync();
            return;
        }

        await Expect(page.MemberList()).Not.ToBeInViewportAsync();
        await members.ClickAsync();
        await Expect(page.MemberList()).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.MemberList()).Not.ToBeInViewportAsync();
        await Expect(members).ToBeFocusedAsync();
        await members.ClickAsync();
        await Expect(page.MemberList()).ToBeInViewportAsync();
        // A tap beside the drawer closes it.
        await page.Mouse.ClickAsync(10, screen.Height / 2);
        await Expect(page.MemberList()).Not.ToBeInViewportAsync();
    }
}
