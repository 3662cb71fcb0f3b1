using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Ctrl+K finds one of the user's channels by name and opens it, from the keyboard alone.</summary>
public sealed class QuickSwitcherTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task CtrlK_TypePartOfAChannelName_ArrowAndEnterOpenIt()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await OnGeneralOfANewServerAsync(page, "Grove", "harbor", "harvest-notes");

        var box = await OpenSwitcherAsync(page);
        await box.PressSequentiallyAsync("har");
        var options = page.GetByRole(AriaRole.Listbox, new() { Name = "Servers and channels" }).GetByRole(AriaRole.Option);
        await Expect(options).ToHaveCountAsync(2);
        await Expect(options.First).ToContainTextAsync("harbor");
        await Expect(options.Nth(1)).ToContainTextAsync("harvest-notes");
        await box.PressAsync("ArrowDown");
        await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await box.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "# harvest-notes" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(ChatPage.ChannelUrl());
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Jump to a server or channel" })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task CtrlK_TypeAndEnterAtOnce_OpensWhatWasTyped()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await OnGeneralOfANewServerAsync(page, "Pier", "lighthouse");

        var box = await OpenSwitcherAsync(page);
        await box.FillAsync("ighth");
        await box.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "# lighthouse" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task CtrlK_Escape_ClosesAndGivesTheFocusBack()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create("jump"));
        await page.ExpectShellAsync();
        await page.CreateServerAsync(TwoUsers.UniqueServerName("Quay"));
        await ExpectKeysReadyAsync(page);
        // The composer takes the focus when its channel opens.
        await Expect(page.ComposerBox()).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Control+k");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Jump to a server or channel" });
        await Expect(dialog.GetByRole(AriaRole.Combobox)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.ComposerBox()).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task ClosedBeforeItsScriptArrives_CtrlKStillOpensIt()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create("jump"));
        await page.ExpectShellAsync();
        await ExpectKeysReadyAsync(page);
        // A slow connection: the dialog's script (focus, Escape) arrives after the user has already closed it.
        var held = await HeldScript.HoldAsync(page, "dialogs.js");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Jump to a server or channel" });
        await page.Keyboard.PressAsync("Control+k");
        await Expect(dialog).ToBeVisibleAsync();
        await page.Locator(".modal-backdrop").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await Expect(dialog).ToHaveCountAsync(0);
        await held.ReleaseAsync();

        await page.Keyboard.PressAsync("Control+k");

        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Server or channel name" })).ToBeFocusedAsync();
    }

    // The switcher's keys are listened to once the live circuit runs; a key pressed before that would do nothing.
    private static Task ExpectKeysReadyAsync(IPage page) =>
        Expect(page.Locator("html")).ToHaveAttributeAsync("data-switcher", "ready");

    /// <summary>A new user in #general of a new server that also has <paramref name="channels"/>, keys ready.</summary>
    private static async Task OnGeneralOfANewServerAsync(IPage page, string server, params string[] channels)
    {
        await page.RegisterAsync(TestUser.Create("jump"));
        await page.ExpectShellAsync();
        await page.CreateServerAsync(TwoUsers.UniqueServerName(server));
        foreach (var channel in channels)
        {
            await page.CreateChannelAsync(channel);
        }

        await page.ChannelLink("general").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "# general" })).ToBeVisibleAsync();
        await ExpectKeysReadyAsync(page);
    }

    /// <summary>Ctrl+K, and the switcher's box has the focus.</summary>
    private static async Task<ILocator> OpenSwitcherAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Control+k");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Server or channel name" });
        await Expect(box).ToBeFocusedAsync();
        return box;
    }
}
