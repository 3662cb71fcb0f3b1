using Chat.Domain.Data;
using Chat.Tests.Browser;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Faults;

/// <summary>
/// PostgreSQL goes down hard (immediate stop, like a crash) and comes back while two people chat. A private
/// cluster, since stopping the run's shared one would break every other PostgreSQL test.
/// </summary>
public sealed class PostgresRestartTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string NotSent = "Your message was not sent";

    [BrowserFactOnPostgres]
    public async Task RestartPostgres_WhileUsersChat_RetriesOrOffersRetry_NoDuplicates_CircuitKeepsWorking()
    {
        // Durable: an immediate stop is a crash, and a committed message must survive it as in production.
        await using var cluster = await PostgresCluster.StartAsync(durable: true);
        var connectionString = await cluster.CreateDatabaseAsync();
        var domain = new ServiceCollection()
            .AddChatDomain(new DatabaseSettings(DatabaseProvider.Postgres, connectionString))
            .BuildServiceProvider();
        await using (domain)
        {
            await ChatDatabase.MigrateAsync(domain);
        }

        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = connectionString,
        });
        try
        {
            await using var users = await TwoUsers.InNewServerAsync(() => chromium.NewContextAsync(app.BaseUrl.ToString()));
            var (pageA, pageB) = (users.PageA, users.PageB);
            await pageA.SendMessageAsync("before the restart");
            await Expect(pageB.Message("before the restart")).ToBeVisibleAsync();

            // A short outage: the send waits for the server and goes through without the user doing anything.
            await cluster.StopAsync("immediate");
            var composerA = pageA.ComposerBox();
            await composerA.FillAsync("during a short outage");
            await composerA.PressAsync("Enter");
            await Task.Delay(TimeSpan.FromSeconds(1));
            await cluster.StartAgainAsync();
            await Expect(composerA).ToHaveValueAsync("", new() { Timeout = 20_000 });
            await Expect(pageB.Message("during a short outage")).ToHaveCountAsync(1);
            await Expect(pageA.GetByRole(AriaRole.Alert).Filter(new() { HasText = NotSent })).ToHaveCountAsync(0);

            // A longer outage: after the retries the user is told, keeps the draft, and Retry stores it once.
            await cluster.StopAsync("immediate");
            var composerB = pageB.ComposerBox();
            await composerB.FillAsync("during a long outage");
            await composerB.PressAsync("Enter");
            var notSent = pageB.GetByRole(AriaRole.Alert).Filter(new() { HasText = NotSent });
            await Expect(notSent).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(composerB).ToHaveValueAsync("during a long outage");
            await cluster.StartAgainAsync();
            await notSent.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
            await Expect(composerB).ToHaveValueAsync("", new() { Timeout = 20_000 });
            await Expect(notSent).ToHaveCountAsync(0);

            // Both circuits live on: a send each way after the restart, seen by the other.
            await pageA.SendMessageAsync("after the restart");
            await pageB.SendMessageAsync("still here");
            await Expect(pageB.Message("after the restart")).ToHaveCountAsync(1);
            await Expect(pageA.Message("still here")).ToHaveCountAsync(1);
            await pageA.ExpectInOrderAsync(["before the restart", "during a short outage", "during a long outage", "after the restart", "still here"]);
            await Expect(pageA.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            await Expect(pageB.Locator("#blazor-error-ui")).ToBeHiddenAsync();

            // And nothing twice in the database.
            var (_, channelId) = pageA.ChannelIds();
            await using var check = new ServiceCollection()
                .AddChatDomain(new DatabaseSettings(DatabaseProvider.Postgres, connectionString))
                .BuildServiceProvider();
            await using var db = await check.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
            var stored = await db.Messages.Where(m => m.ChannelId == channelId).Select(m => m.Content).ToListAsync();
            Assert.Equal(
                ["after the restart", "before the restart", "during a long outage", "during a short outage", "still here"],
                stored.Order(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\nApp output:\n{app.Output}", e);
        }
    }
}
