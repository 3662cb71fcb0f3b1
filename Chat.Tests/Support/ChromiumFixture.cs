using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit;

namespace Chat.Tests.Support;

/// <summary>
/// One headless Chromium per test class; each test takes its own context so users never share cookies.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public static string ExecutablePath => ChromiumLaunch.ExecutablePath;

    public static bool IsAvailable => ChromiumLaunch.IsAvailable;

    // Blazor Server round-trips every click through the circuit; on a busy two-core machine Playwright's
    // 30 s default hides hangs for too long and its 5 s assertion default is too tight.
    private const float DefaultTimeoutMs = 10_000;
    private const float FreshProcessTimeoutMs = 30_000;

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException(MissingMessage);

    private static string MissingMessage =>
        $"Chromium was not found at '{ExecutablePath}'. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.";

    public async Task InitializeAsync()
    {
        // Without a browser the tests are skipped (or, under CI, fail on first use with MissingMessage);
        // throwing here would also fail the skipped ones on a developer's laptop.
        if (!IsAvailable)
        {
            return;
        }

        Assertions.SetDefaultExpectTimeout(DefaultTimeoutMs);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(ChromiumLaunch.Options());
    }

    public Task<IBrowserContext> NewContextAsync(string baseUrl) => NewContextAsync(baseUrl, Screen.Desktop);

    /// <summary>A context of the given screen: its size, and on a phone a touch screen (taps, no hover).</summary>
    /// <param name="configure">Other changes to the usual options, e.g. bypassing the page's CSP for a scan.</param>
    public async Task<IBrowserContext> NewContextAsync(
        string baseUrl, Screen screen, ColorScheme? colorScheme = null, Action<BrowserNewContextOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(screen);
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = screen.Width, Height = screen.Height },
            HasTouch = screen.IsTouch,
            IsMobile = screen.IsTouch,
            ColorScheme = colorScheme,
            Locale = "en-US",
            TimezoneId = "UTC",
        };
        configure?.Invoke(options);
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(DefaultTimeoutMs);
        context.SetDefaultNavigationTimeout(DefaultTimeoutMs);
        return context;
    }

    /// <summary>
    /// A context for an app process the test has just started (<see cref="AppProcess"/>). Its first pages are served
    /// cold: the JIT, the first queries, MudBlazor's first render. The registration that opens such a test once took
    /// more than 10 s, on this 2-core machine with a build running beside the suite. Actions and navigations wait up
    /// to 30 s; assertions keep their 10 s.
    /// </summary>
    public async Task<IBrowserContext> NewContextOnFreshProcessAsync(string baseUrl)
    {
        var context = await NewContextAsync(baseUrl);
        context.SetDefaultTimeout(FreshProcessTimeoutMs);
        context.SetDefaultNavigationTimeout(FreshProcessTimeoutMs);
        return context;
    }

    /// <summary>
    /// Collects console errors and uncaught page exceptions of every page in the context, so a test can assert
    /// that a Blazor circuit did not die quietly while the DOM still looked right.
    /// </summary>
    public static ConcurrentQueue<string> CollectConsoleErrors(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Playwright raises these events on its own dispatcher thread, hence a concurrent collection.
        var errors = new ConcurrentQueue<string>();
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                // "Failed to load resource" names no address; the location does.
                errors.Enqueue(message.Location is { Length: > 0 } location ? $"{message.Text} ({location})" : message.Text);
            }
        };
        context.WebError += (_, error) => errors.Enqueue(error.Error);
        return errors;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}

/// <summary>
/// A fact that needs Chromium: skipped on a machine without it, but never skipped under CI=true.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        // Under CI=true SkipReason throws; xunit 2 turns that into an "Exception during discovery" failure of
        // each such test (non-zero exit), which is what we want: a missing browser must not pass as a skip.
        var reason = TestEnvironment.SkipReason(
            ChromiumFixture.IsAvailable,
            $"Chromium at {ChromiumFixture.ExecutablePath}",
            "apt-get install -y chromium, or set CHROMIUM_PATH");
        Skip = reason;
    }
}

/// <summary>A theory that needs Chromium, skipped or failed like <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        Skip = TestEnvironment.SkipReason(
            ChromiumFixture.IsAvailable,
            $"Chromium at {ChromiumFixture.ExecutablePath}",
            "apt-get install -y chromium, or set CHROMIUM_PATH");
    }
}
