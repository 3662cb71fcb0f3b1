using System.Text.Json;
using Chat.Load.Setup;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Load.Browsers;

/// <summary>
/// A few real Chromium pages on the channel, each logged in with its user's cookie, each watching its own DOM: a
/// MutationObserver notes when a node carrying a message's token first appears, as Unix epoch milliseconds
/// (<c>performance.timeOrigin + performance.now()</c>), to compare with the send time on the same machine's clock.
/// </summary>
internal sealed class BrowserPages : IAsyncDisposable
{
    private const float TimeoutMs = 30_000;

    // Installed before the page's own scripts; the time is taken once per callback, when Blazor has just changed
    // the DOM and before the browser paints.
    private const string ObserverScript = """
        (() => {
          const prefix = "__PREFIX__";
          const seen = new Map();
          window.__chatLoadSeen = seen;
          const scan = (text, at) => {
            for (let i = text.indexOf(prefix); i >= 0; i = text.indexOf(prefix, i + 1)) {
              const seq = Number(text.substr(i + prefix.length, 6));
              if (!seen.has(seq)) { seen.set(seq, at); }
            }
          };
          new MutationObserver((records) => {
            const at = performance.timeOrigin + performance.now();
            for (const record of records) {
              if (record.type === "characterData") { scan(record.target.data || "", at); }
              for (const node of record.addedNodes) { scan(node.textContent || "", at); }
            }
          }).observe(document, { childList: true, subtree: true, characterData: true });
        })();
        """;

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly List<IPage> pages = [];

    private BrowserPages(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public int Count => pages.Count;

    public static async Task<BrowserPages> OpenAsync(
        Uri baseUrl, string channelPath, IReadOnlyList<AuthCookie> users, string tokenPrefix, CancellationToken ct)
    {
        if (!ChromiumLaunch.IsAvailable)
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumLaunch.ExecutablePath} (apt-get install chromium, or set CHROMIUM_PATH); "
                + "or run with --browsers 0.");
        }

        var playwright = await Playwright.CreateAsync();
        var pages = new BrowserPages(playwright, await playwright.Chromium.LaunchAsync(ChromiumLaunch.Options()));
        try
        {
            foreach (var cookie in users)
            {
                ct.ThrowIfCancellationRequested();
                await pages.OpenPageAsync(baseUrl, channelPath, cookie, tokenPrefix);
            }

            return pages;
        }
        catch
        {
            await pages.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every page's first sightings so far: page number, message sequence number, epoch milliseconds.</summary>
    public async Task<List<(int Page, int Seq, double EpochMs)>> SightingsAsync()
    {
        var all = new List<(int, int, double)>();
        for (var i = 0; i < pages.Count; i++)
        {
            var json = await pages[i].EvaluateAsync<string>("() => JSON.stringify(Array.from(window.__chatLoadSeen))");
            foreach (var pair in JsonSerializer.Deserialize<double[][]>(json) ?? [])
            {
                all.Add((i, (int)pair[0], pair[1]));
            }
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private async Task OpenPageAsync(Uri baseUrl, string channelPath, AuthCookie cookie, string tokenPrefix)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString() });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        await context.AddCookiesAsync(cookie.Cookies.Select(c => new Cookie
        {
            Name = c.Key,
            Value = c.Value,
            Url = baseUrl.ToString(),
            HttpOnly = true,
            SameSite = SameSiteAttribute.Lax,
        }));
        await context.AddInitScriptAsync(ObserverScript.Replace("__PREFIX__", tokenPrefix, StringComparison.Ordinal));
        var page = await context.NewPageAsync();
        await page.GotoAsync(channelPath);
        // chat.js marks the composer once Enter is wired: the circuit is up and the page is interactive.
        await page.Locator("textarea[data-keys=ready]").WaitForAsync();
        pages.Add(page);
    }
}
