using System.Text.RegularExpressions;
using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

public sealed class AccountTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string InvalidCredentials =
        "Invalid username, email or password. After several failed attempts, wait a few minutes before trying again.";

    // Found by its text: until app.css applies, the page's hidden #blazor-error-ui is a second visible alert.
    private static Task ExpectLoginErrorAsync(IPage page) =>
        Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = InvalidCredentials })).ToHaveTextAsync(InvalidCredentials);

    [BrowserFact]
    public async Task Register_ValidForm_LandsInEmptyInteractiveShell()
    {
        await using var context = await app.NewContextAsync();
        var errors = ChromiumFixture.CollectConsoleErrors(context);
        var page = await context.NewPageAsync();

        await page.RegisterAsync(TestUser.Create());

        await page.ExpectShellAsync();
        await Expect(page.ServerRail()).ToContainTextAsync("You are not in any server yet");
        await Expect(page.CreateServerButton()).ToBeVisibleAsync();
        // Opening the dialog needs the circuit: proof that blazor.web.js loaded and the server answers clicks.
        await page.CreateServerButton().ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Create a server" })).ToBeVisibleAsync();
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    [BrowserFact]
    public async Task LogIn_WithUserNameAfterLogOut_LandsInShell()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var user = TestUser.Create();
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();

        await page.LogOutAsync();
        await page.LogInAsync(user.UserName, user.Password);

        await page.ExpectShellAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl.ToString());
    }

    [BrowserFact]
    public async Task LogIn_WithEmailAfterLogOut_LandsInShell()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var user = TestUser.Create();
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();

        await page.LogOutAsync();
        await page.LogInAsync(user.Email, user.Password);

        await page.ExpectShellAsync();
    }

    [BrowserFact]
    public async Task LogIn_WrongPassword_ShowsErrorAndStaysOnLoginPage()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var user = TestUser.Create();
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();
        await page.LogOutAsync();

        await page.LogInAsync(user.UserName, "not the password");

        await ExpectLoginErrorAsync(page);
        await page.ExpectLoginPageAsync();
    }

    [BrowserFact]
    public async Task LogIn_UnknownUser_ShowsSameErrorAndStaysOnLoginPage()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");

        await page.LogInAsync(TestUser.Create().UserName, "correct horse battery");

        await ExpectLoginErrorAsync(page);
        await page.ExpectLoginPageAsync();
    }

    [BrowserFact]
    public async Task LoginPage_RegisterLink_LeadsToRegistrationAndBack()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");

        await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/account/register$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create an account" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Log in" }).ClickAsync();

        await page.ExpectLoginPageAsync();
    }
}
