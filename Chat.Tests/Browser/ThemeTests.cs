using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>The theme a user picks on the profile page: saved with the account, painted from the first byte.</summary>
public sealed class ThemeTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string DarkBackground = "rgb(49, 51, 56)";
    private const string LightBackground = "rgb(255, 255, 255)";

    [BrowserFact]
    public async Task Light_ChosenOnProfile_SurvivesLogoutAndLoginInAnotherBrowser()
    {
        await using var context = await app.NewContextAsync();
        var errors = ChromiumFixture.CollectConsoleErrors(context);
        var page = await context.NewPageAsync();
        var user = TestUser.Create("lia");
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();
        await ExpectBackgroundAsync(page, DarkBackground);

        await page.GotoProfileAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Light", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Light", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await ExpectBackgroundAsync(page, LightBackground);
        await page.GotoAsync("");
        await page.ExpectShellAsync();
        await ExpectBackgroundAsync(page, LightBackground);
        // Before the logout: the page being left may log its circuit's end (the session is revoked under it).
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
        await page.LogOutAsync();
        // The login page keeps the look of the browser's last user.
        await ExpectBackgroundAsync(page, LightBackground);

        // Another browser, without the cookie: dark until the login, light from the first page after it.
        await using var other = await app.NewContextAsync();
        var otherPage = await other.NewPageAsync();
        await otherPage.GotoAsync("account/login");
        await ExpectBackgroundAsync(otherPage, DarkBackground);
        await otherPage.LogInAsync(user.UserName, user.Password);
        await otherPage.ExpectShellAsync();
        await ExpectBackgroundAsync(otherPage, LightBackground);
    }

    [BrowserFact]
    public async Task MatchTheSystem_FollowsTheDevice_FromTheFirstPaint()
    {
        await using var context = await app.NewContextAsync(Screen.Desktop, ColorScheme.Light);
        var errors = ChromiumFixture.CollectConsoleErrors(context);
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create("sys"));
        await page.ExpectShellAsync();
        await page.GotoProfileAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Match the system" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Match the system" })).ToHaveAttributeAsync("aria-pressed", "true");
        await ExpectBackgroundAsync(page, LightBackground);
        // The prerendered page, before any script ran, is already light on a light device.
        var prerendered = await page.APIRequest.GetAsync("profile");
        Assert.Contains("theme/system.css", await prerendered.TextAsync(), StringComparison.Ordinal);
        // A device switched to dark takes the page with it, without a reload.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await ExpectBackgroundAsync(page, DarkBackground);
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    private static Task ExpectBackgroundAsync(IPage page, string color) =>
        Expect(page.Locator("body")).ToHaveCSSAsync("background-color", color);
}
