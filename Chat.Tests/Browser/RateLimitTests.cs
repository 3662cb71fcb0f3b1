using Chat.Domain.Messages;
using Chat.Domain.RateLimiting;
using Chat.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// The default burst, but a refill so slow that a test on a busy machine cannot outrun the bucket's clock: the
/// eleventh fast message is the first one refused, every time.
/// </summary>
public sealed class SlowRefillAppFixture : BrowserAppFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        WriteLimits.Only(WriteAction.SendMessage, DefaultSendBurst, TimeSpan.FromMinutes(10))(services);

    public static int DefaultSendBurst { get; } = new WriteRateLimitOptions().Send.Burst;
}

public sealed class RateLimitTests(SlowRefillAppFixture app) : IClassFixture<SlowRefillAppFixture>
{
    [BrowserFact]
    public async Task Send_FifteenFast_SaysSlowDownAndKeepsDraft()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create());
        await page.ExpectShellAsync();
        await page.CreateServerAsync(TwoUsers.UniqueServerName("Spam"));
        var composer = page.ComposerBox();
        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Slow down" });

        await composer.ExpectKeysReadyAsync();
        var sent = 0;
        for (; sent < 15; sent++)
        {
            var text = $"Burst {sent + 1:00}";
            await composer.FillAsync(text);
            await composer.PressAsync("Enter");
            // Either the message is stored and shows in the log, or it is refused.
            await Expect(page.Message(text).Or(alert).First).ToBeVisibleAsync();
            if (await alert.IsVisibleAsync())
            {
                break;
            }
        }

        Assert.Equal(SlowRefillAppFixture.DefaultSendBurst, sent);
        await Expect(alert).ToContainTextAsync("You are going too fast. Slow down a little and try again in a moment.");
        await Expect(composer).ToHaveValueAsync($"Burst {sent + 1:00}");
        await Expect(page.Message("Burst")).ToHaveCountAsync(sent);
        await Expect(page.Message($"Burst {sent + 1:00}")).ToHaveCountAsync(0);
        await Expect(alert.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeVisibleAsync();
    }
}
