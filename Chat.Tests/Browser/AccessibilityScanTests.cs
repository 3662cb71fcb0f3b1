using Chat.Domain.Communities;
using Chat.Domain.Invitations;
using Chat.Domain.Messages;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// axe-core scans of the pages a user meets, in each case (a screen and a theme, <see cref="ScanCase"/>). Only serious and critical violations fail; the message lists every one of them.
/// </summary>
public sealed class AccessibilityScanTests(BrowserAppFixture app, ITestOutputHelper output) : IClassFixture<BrowserAppFixture>
{
    /// <summary>One way of looking at the app: a screen, a theme, and the language the browser asks for.</summary>
    public sealed record ScanCase(string Name, Screen Screen, string Theme, bool Spanish = false)
    {
        public override string ToString() => Name;
    }

    private static readonly ScanCase[] All =
    [
        new("desktop dark", Screen.Desktop, "dark"),
        new("phone dark", Screen.Phone, "dark"),
        new("desktop light", Screen.Desktop, "light"),
        new("phone light", Screen.Phone, "light"),
        new("desktop dark es", Screen.Desktop, "dark", Spanish: true),
        new("phone light es", Screen.Phone, "light", Spanish: true),
    ];

    public static TheoryData<string> Cases => new(All.Select(c => c.Name));

    [BrowserTheory, MemberData(nameof(Cases))]
    public async Task Pages_InEachCase_HaveNoSeriousOrCriticalViolations(string caseName)
    {
        var scan = All.Single(c => c.Name == caseName);
        // axe is injected by script evaluation, which the app's Content-Security-Policy refuses: only this context
        // bypasses it. The app's other browser tests keep the policy.
        await using var context = await app.NewContextAsync(scan.Screen, configure: o =>
        {
            o.BypassCSP = true;
            if (scan.Spanish)
            {
                SpanishNames.AskForSpanish(o);
            }
        });
        if (scan.Spanish)
        {
            context.UseSpanish();
        }

        // The theme cookie paints every page, the login page too; registering keeps it on the new profile.
        await context.AddCookiesAsync([new Cookie { Name = "chat.theme", Value = scan.Theme, Url = app.BaseUrl.ToString() }]);
        var page = await context.NewPageAsync();
        var report = new List<string>();
        var user = TestUser.Create("axe");

        await page.GotoAsync("account/login");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = page.Say("Welcome back") })).ToBeVisibleAsync();
        await ScanAsync(page, "login", report);
        await page.GotoAsync("error/500");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = page.Say("Something went wrong") })).ToBeVisibleAsync();
        await ScanAsync(page, "error page", report);
        await page.GotoAsync("account/register");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = page.Say("Create an account") })).ToBeVisibleAsync();
        await ScanAsync(page, "register", report);

        await page.FillRegistrationAsync(user);
        await page.ExpectShellAsync();
        await ScanAsync(page, "empty shell", report);

        var (channelUrl, inviteUrl) = await ArrangeServersAsync(user);
        await page.GotoAsync(channelUrl);
        await Expect(page.Message("the second message")).ToBeVisibleAsync();
        await Expect(page.ComposerBox()).ToBeEnabledAsync();
        if (scan.Screen.Width >= 1200)
        {
            // Narrower screens keep the member list out of the way (a drawer on phones and tablets).
            await Expect(page.MemberList()).ToContainTextAsync(user.DisplayName);
        }

        await ScanAsync(page, "channel", report);
        // The composer offering members (Lena and @everyone): a combobox with its listbox, in this theme's colours.
        var composer = page.ComposerBox();
        await composer.ExpectKeysReadyAsync();
        await composer.PressSequentiallyAsync("@");
        await Expect(page.GetByRole(AriaRole.Listbox, new() { Name = page.Say("Suggestions") }).GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await ScanAsync(page, "composer suggestions", report);
        await composer.PressAsync("Escape");
        await composer.FillAsync("");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-switcher", "ready");
        await page.Keyboard.PressAsync("Control+k");
        await page.GetByRole(AriaRole.Combobox, new() { Name = page.Say("Server or channel name") }).FillAsync("gen");
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await ScanAsync(page, "quick switcher", report);
        await page.Keyboard.PressAsync("Escape");
        var reacted = page.Message("the second message");
        await reacted.ShowActionsAsync();
        await reacted.GetByRole(AriaRole.Button, new() { Name = page.Say("Add reaction") }).ClickAsync();
        var emojiSearch = page.GetByRole(AriaRole.Searchbox, new() { Name = page.Say("Search emoji by name") });
        await Expect(emojiSearch).ToBeFocusedAsync();
        await ScanAsync(page, "reaction picker", report);
        await emojiSearch.PressAsync("Escape");
        await Expect(emojiSearch).ToBeHiddenAsync();
        await reacted.ShowActionsAsync();
        await reacted.GetByRole(AriaRole.Button, new() { Name = page.Say("Reply"), Exact = true }).ClickAsync();
        var cancelReply = page.GetByRole(AriaRole.Button, new() { Name = page.Say("Cancel reply") });
        await Expect(cancelReply).ToBeVisibleAsync();
        await ScanAsync(page, "reply bar", report);
        await cancelReply.ClickAsync();
        await Expect(cancelReply).ToBeHiddenAsync();
        // The author's profile card, opened from their name: a dialog with the picture, names, role and bio.
        await reacted.Locator(".author").ClickAsync();
        var card = page.GetByRole(AriaRole.Dialog).Filter(new() { Has = page.GetByTestId("card-bio") });
        await Expect(card.GetByTestId("card-role")).ToBeVisibleAsync();
        await ScanAsync(page, "profile card", report);
        await page.Keyboard.PressAsync("Escape");
        await Expect(card).ToHaveCountAsync(0);

        await page.GotoAsync("servers/find");
        await Expect(page.GetByLabel(page.Say("Search public servers by name"))).ToBeEnabledAsync();
        await ScanAsync(page, "find servers", report);

        await page.GotoAsync("profile");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = page.Say("Picture") })).ToBeVisibleAsync();
        await ScanAsync(page, "profile", report);

        await page.GotoAsync(inviteUrl);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = page.Say("Join {0}", "Garden") })).ToBeEnabledAsync();
        await ScanAsync(page, "invite link", report);

        await page.GotoAsync("no/such/page");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = page.Say("Page not found") })).ToBeVisibleAsync();
        await ScanAsync(page, "404", report);

        Assert.True(report.Count == 0, $"axe ({scan}) found serious or critical violations:\n{string.Join('\n', report)}");
    }

    // A server of the user's with a second member and messages of both, and another server with an invite link.
    private async Task<(string ChannelUrl, string InviteUrl)> ArrangeServersAsync(TestUser user)
    {
        var services = app.Services;
        string userId;
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>();
            userId = (await users.FindByNameAsync(user.UserName))!.Id;
        }

        var other = await CreateUserAsync(services, "lena");
        var communities = services.GetRequiredService<CommunityService>();
        var messages = services.GetRequiredService<MessageService>();
        var server = await communities.CreateAsync(userId, TwoUsers.UniqueServerName("Atelier"), "Drawing and paint", isPublic: true);
        await communities.JoinAsync(other.Id, server.Id);
        var channelId = server.FirstChannelId!.Value;
        var hello = await messages.SendAsync(other.Id, channelId, "Hello, **welcome** to the atelier", Guid.NewGuid());
        await messages.SendAsync(userId, channelId, "Thanks! `code` and a [link](https://example.test)", Guid.NewGuid());
        var second = await messages.SendAsync(other.Id, channelId, "the second message\n> a quote", Guid.NewGuid());
        // A reaction of each kind: the reader's own (pressed) and someone else's.
        var reactions = services.GetRequiredService<ReactionService>();
        await reactions.ToggleReactionAsync(userId, second.Id, "\U0001F44D");
        await reactions.ToggleReactionAsync(other.Id, second.Id, "\U0001F389");
        // A reply of each kind: one quoting its original, one whose original was deleted.
        await messages.ReplyAsync(userId, channelId, hello.Id, "Glad to be here", Guid.NewGuid());
        var gone = await messages.SendAsync(other.Id, channelId, "soon deleted", Guid.NewGuid());
        await messages.ReplyAsync(userId, channelId, gone.Id, "too late", Guid.NewGuid());
        await messages.DeleteAsync(other.Id, gone.Id);

        var garden = await communities.CreateAsync(other.Id, "Garden", "Seeds and soil", isPublic: false);
        var link = await services.GetRequiredService<InvitationService>().CreateLinkAsync(other.Id, garden.Id, null, null);
        return ($"servers/{server.Id}/channels/{channelId}", $"invite/{link.Code}");
    }

    private static async Task<ChatUser> CreateUserAsync(IServiceProvider services, string prefix)
    {
        var account = TestUser.Create(prefix);
        await using var scope = services.CreateAsyncScope();
        var user = new ChatUser { UserName = account.UserName, Email = account.Email, DisplayName = $"Lena {prefix}" };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().CreateAsync(user);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    private async Task ScanAsync(IPage page, string pageName, List<string> report)
    {
        // The settled page: a live page sets its title once its data is loaded (a moment after its markup shows). On
        // a loaded machine a scan right after the title showed has once found none (the head is rendered again while
        // the page settles), so a missing title is looked for a second time; missing then, it is real.
        var result = await ScanSettledAsync(page);
        if (result.Violations.Any(v => v.Id == "document-title"))
        {
            result = await ScanSettledAsync(page);
        }

        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var targets = violation.Nodes.Select(n => string.Join(" ", n.Target?.ToString() ?? "?"));
            report.Add($"- {pageName}: {violation.Id} ({violation.Impact}, {violation.Nodes.Length} nodes): {violation.Help}\n    "
                       + string.Join("\n    ", targets));
        }

        // Every finding, whatever its impact, in the test log: the lesser ones are worth fixing too.
        foreach (var violation in result.Violations)
        {
            output.WriteLine($"axe {pageName}: {violation.Id} {violation.Impact} x{violation.Nodes.Length}: {string.Join(" | ", violation.Nodes.Select(n => n.Target?.ToString()))}");
        }
    }

    private static async Task<Deque.AxeCore.Commons.AxeResult> ScanSettledAsync(IPage page)
    {
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        return await page.RunAxe();
    }
}
