using System.Globalization;
using System.Text.RegularExpressions;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>An app whose write rate limits let a test seed a long history through <see cref="MessageService"/>.</summary>
public sealed class SeedingAppFixture : BrowserAppFixture
{
    protected override void ConfigureServices(IServiceCollection services) => WriteLimits.Unlimited(services);

    public async Task<string> UserIdAsync(string userName)
    {
        var dbFactory = Services.GetRequiredService<IDbContextFactory<ChatDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}

public sealed partial class HistoryTests(SeedingAppFixture app) : IClassFixture<SeedingAppFixture>
{
    private const int Seeded = 120;

    // How far the message that was at the top may move while older pages are put above it.
    private const double Tolerance = 60;

    [BrowserFact]
    public async Task ScrollUp_LongHistory_LoadsOlderPagesWithoutMovingTheView()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var user = TestUser.Create("ann");
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();
        var serverName = TwoUsers.UniqueServerName("Archive");
        await page.CreateServerAsync(serverName);
        var channelId = int.Parse(ChannelId().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        // Seeded messages are live events too: seed away from the channel so the pane opens on the newest page.
        await page.SearchServersAsync(serverName);
        var messages = app.Services.GetRequiredService<MessageService>();
        var userId = await app.UserIdAsync(user.UserName);
        for (var i = 1; i <= Seeded; i++)
        {
            await messages.SendAsync(userId, channelId, Text(i), Guid.NewGuid());
        }

        await page.ServerRail().GetByRole(AriaRole.Link, new() { Name = serverName }).ClickAsync();

        var log = page.MessageLog();
        await Expect(page.Message(Text(Seeded))).ToBeInViewportAsync();
        await Expect(page.Message("Seeded message")).ToHaveCountAsync(MessageService.PageSize);
        await Expect(page.Message(Text(1))).ToHaveCountAsync(0);

        var firstOfPage = Seeded - MessageService.PageSize + 1;
        await ScrollToTopAndExpectStillAsync(log, page.Message(Text(firstOfPage)), page.Message(Text(firstOfPage - MessageService.PageSize)));
        await Expect(page.Message("Seeded message")).ToHaveCountAsync(2 * MessageService.PageSize);

        firstOfPage -= MessageService.PageSize;
        await ScrollToTopAndExpectStillAsync(log, page.Message(Text(firstOfPage)), page.Message(Text(1)));
        await Expect(page.Message("Seeded message")).ToHaveCountAsync(Seeded);
        await Expect(log.GetByText("This is the beginning of #general.")).ToBeVisibleAsync();
    }

    private static string Text(int i) => $"Seeded message {i:000}";

    /// <summary>
    /// Scrolls the log to the very top, waits for the older page (<paramref name="older"/> arrives), and checks
    /// that <paramref name="anchor"/>, the message at the top before, is still where the reader saw it.
    /// </summary>
    private static async Task ScrollToTopAndExpectStillAsync(ILocator log, ILocator anchor, ILocator older)
    {
        var handle = await anchor.ElementHandleAsync();
        var before = await log.EvaluateAsync<double>(
            "(log, anchor) => { log.scrollTop = 0; return anchor.getBoundingClientRect().top - log.getBoundingClientRect().top; }",
            handle);

        await Expect(older).ToBeAttachedAsync();
        await Expect(log.GetByText("Loading older messages…")).ToHaveCountAsync(0);

        await Expect(anchor).ToBeInViewportAsync();
        var after = await log.EvaluateAsync<double>(
            "(log, anchor) => anchor.getBoundingClientRect().top - log.getBoundingClientRect().top", handle);
        Assert.InRange(after - before, -Tolerance, Tolerance);
    }

    [GeneratedRegex(@"/channels/(\d+)$")]
    private static partial Regex ChannelId();
}
