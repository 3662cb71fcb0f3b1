using Microsoft.Playwright;

namespace Chat.Tests.Support;

/// <summary>
/// How Debian's Chromium is started here, for the browser tests and for Chat.Load (which links this file).
/// </summary>
public static class ChromiumLaunch
{
    // We drive the distribution's Chromium instead of Playwright's download: nothing may be downloaded here,
    // so `playwright install` must never be needed.
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsAvailable => File.Exists(ExecutablePath);

    // --no-sandbox because CI runs as root, where Chromium's sandbox refuses to start; the rest stop background
    // traffic to Google, since only 127.0.0.1 may be reached and a stalled update check slows the launch.
    private static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    public static BrowserTypeLaunchOptions Options() => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = Args,
    };
}
