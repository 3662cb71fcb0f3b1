using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// The language a user picks on the profile page: the page comes back in it, its live circuit speaks it (a domain
/// error in Spanish), and it follows the user to another browser; a visitor's browser language decides before that.
/// </summary>
public sealed class LanguageTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task Spanish_ChosenOnProfile_ReloadsInSpanishSpeaksItLiveAndFollowsTheUser()
    {
        await using var context = await app.NewContextAsync();
        var errors = ChromiumFixture.CollectConsoleErrors(context);
        var page = await context.NewPageAsync();
        var user = TestUser.Create("sofia");
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();
        await page.GotoProfileAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Español", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Español", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Idioma" })).ToBeVisibleAsync();
        // The circuit started after the reload speaks Spanish too: a refusal the domain makes, in Spanish words.
        var save = page.Locator("form:has(#profile-display-name) button[type=submit]");
        await Expect(save).ToBeEnabledAsync();
        await page.Locator("#profile-display-name").FillAsync("\u202EecilA");
        await save.ClickAsync();
        await Expect(page.Locator("form:has(#profile-display-name) .validation-message"))
            .ToContainTextAsync("El nombre visible no puede contener caracteres invisibles");
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));

        // Another browser, in English: English until the login, Spanish from the first page after it.
        await using var other = await app.NewContextAsync();
        var otherPage = await other.NewPageAsync();
        await otherPage.GotoAsync("account/login");
        await Expect(otherPage.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await otherPage.LogInAsync(user.UserName, user.Password);
        await Expect(otherPage.GetByRole(AriaRole.Navigation, new() { Name = "Servidores" })).ToBeVisibleAsync();
        await Expect(otherPage.Locator("html")).ToHaveAttributeAsync("lang", "es");
    }

    [BrowserFact]
    public async Task Visitor_SpanishBrowser_GetsSpanishAndCanSwitchToEnglish()
    {
        await using var context = await app.NewContextAsync(Screen.Desktop, configure: o => o.Locale = "es-AR");
        var page = await context.NewPageAsync();

        await page.GotoAsync("account/login");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Español", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
    }
}
