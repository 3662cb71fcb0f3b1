using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Escape closes what is open on top of the page, and the focus goes back to what opened it.</summary>
public sealed class DialogKeyboardTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task NotificationInbox_Escape_ClosesAndFocusesTheBell()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create("esc"));
        await page.ExpectShellAsync();
        var inbox = await page.OpenInboxAsync();
        await Expect(inbox.GetByRole(AriaRole.Button, new() { Name = "Close notifications" })).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");

        await Expect(inbox).ToHaveCountAsync(0);
        await Expect(page.NotificationsButton()).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task CreateServerDialog_Escape_ClosesAndFocusesTheButton()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create("esc"));
        await page.ExpectShellAsync();
        await page.CreateServerButton().ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Create a server" });
        await Expect(dialog.GetByLabel("Server name")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.CreateServerButton()).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task ServerMenuAndConfirm_Escape_ClosesTheTopOneAndFocusesItsOpener()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create("esc"));
        await page.ExpectShellAsync();
        await page.CreateServerAsync(TwoUsers.UniqueServerName("Den"));
        var menuButton = page.GetByRole(AriaRole.Button, new() { Name = "Server menu" });
        await menuButton.ClickAsync();
        var menu = page.GetByRole(AriaRole.Dialog, new() { Name = "Den" });
        // The focus moves in once Escape is wired up.
        await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "Invite people" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(menu).ToHaveCountAsync(0);
        await Expect(menuButton).ToBeFocusedAsync();
        await page.SendMessageAsync("to be deleted");
        var message = page.Message("to be deleted");
        await message.HoverAsync();
        var delete = message.GetByRole(AriaRole.Button, new() { Name = "Delete message" });
        await delete.ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Delete message" });
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Escape");

        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(delete).ToBeFocusedAsync();
        await Expect(message).ToHaveCountAsync(1);
    }
}
