using Chat.Domain.Data;
using Chat.Tests.Browser;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Faults;

/// <summary>A private database server that a test can stop hard (like a crash) and start again on the same data and port.</summary>
internal interface IRestartableDatabase : IAsyncDisposable
{
    DatabaseProvider Provider { get; }

    /// <summary>An empty database on this server, as a connection string.</summary>
    Task<string> CreateDatabaseAsync();

    Task CrashAsync();

    Task StartAgainAsync();
}

/// <summary>The database server goes down hard and comes back while two people chat, on whichever database.</summary>
internal static class DatabaseRestart
{
    private const string NotSent = "Your message was not sent";

    public static async Task RestartWhileUsersChatAsync(ChromiumFixture chromium, IRestartableDatabase server)
    {
        var provider = server.Provider;
        var connectionString = await server.CreateDatabaseAsync();
        await using (var domain = DomainOn(provider, connectionString))
        {
            await ChatDatabase.MigrateAsync(domain);
        }

        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = provider.ToString(),
            [$"ConnectionStrings__{provider}"] = connectionString,
        });
        try
        {
            await using var users = await TwoUsers.InNewServerAsync(() => chromium.NewContextOnFreshProcessAsync(app.BaseUrl.ToString()));
            var (pageA, pageB) = (users.PageA, users.PageB);
            await pageA.SendMessageAsync("before the restart");
            await Expect(pageB.Message("before the restart")).ToBeVisibleAsync();

            // A short outage: the send waits for the server and goes through without the user doing anything.
            await server.CrashAsync();
            var composerA = pageA.ComposerBox();
            await composerA.FillAsync("during a short outage");
            await composerA.PressAsync("Enter");
            await Task.Delay(TimeSpan.FromSeconds(1));
            await server.StartAgainAsync();
            await Expect(composerA).ToHaveValueAsync("", new() { Timeout = 20_000 });
            await Expect(pageB.Message("during a short outage")).ToHaveCountAsync(1);
            await Expect(pageA.GetByRole(AriaRole.Alert).Filter(new() { HasText = NotSent })).ToHaveCountAsync(0);

            // A longer outage: after the retries the user is told, keeps the draft, and Retry stores it once.
            await server.CrashAsync();
            var composerB = pageB.ComposerBox();
            await composerB.FillAsync("during a long outage");
            await composerB.PressAsync("Enter");
            var notSent = pageB.GetByRole(AriaRole.Alert).Filter(new() { HasText = NotSent });
            await Expect(notSent).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(composerB).ToHaveValueAsync("during a long outage");
            await server.StartAgainAsync();
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
            await using var check = DomainOn(provider, connectionString);
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

    private static ServiceProvider DomainOn(DatabaseProvider provider, string connectionString) =>
        new ServiceCollection().AddChatDomain(new DatabaseSettings(provider, connectionString)).BuildServiceProvider();
}
