using System.Text.RegularExpressions;
using Chat.Tests.Browser;
using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Faults;

/// <summary>
/// A's browser loses its network (Playwright offline, and the open circuit connection cut by a relay) while B
/// keeps writing. The server keeps a disconnected circuit for Circuit:DisconnectedRetention (3 minutes here).
/// </summary>
public sealed partial class NetworkDropTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task ShortDrop_ResumesSameSession_AndShowsWhatOthersSentInOrder()
    {
        await using var proxy = new CuttableProxy(app.BaseUrl);
        await using var users = await NetworkDrop.UsersAsync(app, proxy);
        var pageA = users.PageA;
        await pageA.EvaluateAsync("() => { window.__marker = 1; }");

        var sent = await NetworkDrop.WhileOfflineAsync(users, proxy, TimeSpan.FromSeconds(2));

        // The same page and circuit: the reconnect dialog goes away, the marker is still set, nothing reloaded.
        await Expect(NetworkDrop.ReconnectModal(pageA)).ToHaveClassAsync(HiddenModal(), new() { Timeout = 20_000 });
        await Expect(NetworkDrop.ReconnectModal(pageA)).ToBeHiddenAsync();
        await pageA.ExpectInOrderAsync(sent);
        Assert.Equal(1, await pageA.EvaluateAsync<int?>("() => window.__marker"));
        await pageA.SendMessageAsync("Back, sorry");
        await Expect(users.PageB.Message("Back, sorry")).ToBeVisibleAsync();
    }

    [GeneratedRegex("components-reconnect-hide")]
    private static partial Regex HiddenModal();
}

/// <summary>As <see cref="NetworkDropTests"/>, with the server keeping a disconnected circuit for only 2 seconds.</summary>
public sealed class LongNetworkDropTests(LongNetworkDropTests.ShortRetentionApp app) : IClassFixture<LongNetworkDropTests.ShortRetentionApp>
{
    public sealed class ShortRetentionApp : BrowserAppFixture
    {
        protected override void Configure(Dictionary<string, string?> settings)
        {
            ArgumentNullException.ThrowIfNull(settings);
            settings["Circuit:DisconnectedRetention"] = "00:00:02";
        }
    }

    [BrowserFact]
    public async Task LongDrop_SessionGone_ReloadsAndCatchesUpInOrder()
    {
        await using var proxy = new CuttableProxy(app.BaseUrl);
        await using var users = await NetworkDrop.UsersAsync(app, proxy);
        var pageA = users.PageA;
        await pageA.EvaluateAsync("() => { window.__marker = 1; }");

        var sent = await NetworkDrop.WhileOfflineAsync(users, proxy, TimeSpan.FromSeconds(4));

        // The server dropped the circuit: the page reloads by itself and reads what it missed from the database.
        await Expect(pageA.Message(sent[^1])).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await pageA.ExpectShellAsync();
        await pageA.ExpectInOrderAsync(sent);
        Assert.Null(await pageA.EvaluateAsync<int?>("() => window.__marker"));
        await pageA.SendMessageAsync("Back, sorry");
        await Expect(users.PageB.Message("Back, sorry")).ToBeVisibleAsync();
    }
}

internal static class NetworkDrop
{
    public static ILocator ReconnectModal(IPage page) => page.Locator("#components-reconnect-modal");

    /// <summary>A reaches the app through <paramref name="proxy"/>, B directly.</summary>
    public static Task<TwoUsers> UsersAsync(BrowserAppFixture app, CuttableProxy proxy)
    {
        var contexts = 0;
        return TwoUsers.InNewServerAsync(() =>
            Interlocked.Increment(ref contexts) == 1 ? app.NewContextAsync(proxy.BaseUrl) : app.NewContextAsync());
    }

    /// <summary>Takes A offline for <paramref name="drop"/>, during which B sends three messages; returns them.</summary>
    public static async Task<IReadOnlyList<string>> WhileOfflineAsync(TwoUsers users, CuttableProxy proxy, TimeSpan drop)
    {
        var started = DateTime.UtcNow;
        await users.ContextA.SetOfflineAsync(true);
        proxy.Cut();
        await Expect(ReconnectModal(users.PageA)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("components-reconnect-show"));
        // Shown as a modal dialog (ReconnectModal.razor.js), not only marked with the class.
        await Expect(ReconnectModal(users.PageA)).ToBeVisibleAsync();

        var run = Guid.NewGuid().ToString("N")[..6];
        string[] sent = [$"meanwhile {run} one", $"meanwhile {run} two", $"meanwhile {run} three"];
        foreach (var text in sent)
        {
            await users.PageB.SendMessageAsync(text);
        }

        var left = drop - (DateTime.UtcNow - started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        proxy.Restore();
        await users.ContextA.SetOfflineAsync(false);
        return sent;
    }
}
