using System.Globalization;
using Chat.App.Components.Tabs;
using Chat.Domain.Data;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>An app that lets each user hold two live tabs instead of twenty.</summary>
public sealed class TwoTabsAppFixture : BrowserAppFixture
{
    public const int MaxPerUser = 2;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Circuit:MaxPerUser"] = MaxPerUser.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<string> UserIdAsync(string userName)
    {
        var dbFactory = Services.GetRequiredService<IDbContextFactory<ChatDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}

public sealed class TabLimitTests(TwoTabsAppFixture app) : IClassFixture<TwoTabsAppFixture>
{
    [BrowserFact]
    public async Task OneTabTooMany_ClosesTheTabUnusedTheLongest_WhichSaysSoAndNoLongerListens()
    {
        var user = TestUser.Create();
        await using var context = await app.NewContextAsync();
        var oldest = await context.NewPageAsync();
        await oldest.RegisterAsync(user);
        await oldest.ExpectShellAsync();
        await oldest.CreateServerAsync("Tabs");
        var userId = await app.UserIdAsync(user.UserName);
        var hub = app.Services.GetRequiredService<ChatHub>();
        var tabs = app.Services.GetRequiredService<OpenTabs>();
        var perTab = hub.SubscriberCount(Topics.User(userId));
        var before = tabs.TabsOf(userId);
        var idle = await OpenTabAsync(context, oldest.Url);
        // The new tab is the one the server did not count before (not the latest used: the first tab's last clicks
        // may be reported after the new tab opened).
        await Wait.UntilAsync(() => tabs.TabsOf(userId).Count == before.Count + 1, "the second tab to be counted");
        var idleTab = tabs.TabsOf(userId).Single(t => !before.Contains(t));
        // The oldest tab is the one in use: once the server knows, the second one is the idle one.
        await oldest.SendMessageAsync("the first tab is the one in use");
        await Wait.UntilAsync(() => tabs.TabsOf(userId).MaxBy(t => t.LastUsed) != idleTab, "the first tab's use to be reported");

        var newest = await OpenTabAsync(context, oldest.Url);

        await Expect(idle.GetByRole(AriaRole.Heading, new() { Name = "This tab was closed" })).ToBeVisibleAsync();
        await Expect(idle.GetByRole(AriaRole.Alert)).ToContainTextAsync($"more than {TwoTabsAppFixture.MaxPerUser} Chat tabs");
        // The tab explains itself; Blazor's failure bar for the ended circuit stays hidden, and the app is gone from it.
        await Expect(idle.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Expect(idle.ServerRail()).ToHaveCountAsync(0);
        // On the server, the closed tab no longer counts and none of its subscriptions is left.
        Assert.Equal(TwoTabsAppFixture.MaxPerUser, tabs.CountOf(userId));
        Assert.DoesNotContain(idleTab, tabs.TabsOf(userId));
        await Wait.UntilAsync(() => hub.SubscriberCount(Topics.User(userId)) == 2 * perTab, "the closed tab to stop listening");
        // The two others go on.
        await newest.SendMessageAsync("sent from the newest tab");
        await Expect(oldest.Message("sent from the newest tab")).ToBeVisibleAsync();
        await Expect(oldest.Locator(".tab-closed")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task ClosedTab_UsedAgain_ClosesOneOfTheOthersInstead()
    {
        var user = TestUser.Create();
        await using var context = await app.NewContextAsync();
        var first = await context.NewPageAsync();
        await first.RegisterAsync(user);
        await first.ExpectShellAsync();
        var others = new[] { await OpenTabAsync(context, first.Url), await OpenTabAsync(context, first.Url) };
        var closed = first.GetByRole(AriaRole.Heading, new() { Name = "This tab was closed" });
        await Expect(closed).ToBeVisibleAsync();

        await first.GetByRole(AriaRole.Button, new() { Name = "Use Chat in this tab" }).ClickAsync();

        await first.ExpectShellAsync();
        await Expect(closed).ToHaveCountAsync(0);
        // Exactly one of the other two made room.
        await Wait.UntilAsync(
            async () => await others[0].Locator(".tab-closed").CountAsync() + await others[1].Locator(".tab-closed").CountAsync() == 1,
            "one of the other tabs to close");
        Assert.Equal(TwoTabsAppFixture.MaxPerUser, app.Services.GetRequiredService<OpenTabs>().CountOf(await app.UserIdAsync(user.UserName)));
    }

    private static async Task<IPage> OpenTabAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.ExpectShellAsync();
        return page;
    }
}
