using Microsoft.Playwright;

namespace Chat.Tests.Browser;

/// <summary>
/// One of the app's script modules (wwwroot/js) held back, as on a slow connection, until the test lets it through:
/// for what the app does when the user has moved on before a script arrives.
/// </summary>
internal sealed class HeldScript
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource served = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IPage page;
    private readonly string script;

    private HeldScript(IPage page, string script) => (this.page, this.script) = (page, script);

    /// <summary>Holds back the page's requests of <paramref name="script"/> (e.g. "chat.js") from now on.</summary>
    public static async Task<HeldScript> HoldAsync(IPage page, string script)
    {
        ArgumentNullException.ThrowIfNull(page);

        var held = new HeldScript(page, script);
        await page.RouteAsync($"**/js/{script}", async route =>
        {
            await held.release.Task;
            await route.ContinueAsync();
            held.served.TrySetResult();
        });
        return held;
    }

    /// <summary>
    /// Lets the script through, and returns once the app's import of it has come back: the test imports it too, and
    /// that import resolves after the app's, so what the app then does with the script reaches the server before
    /// anything the test does next.
    /// </summary>
    public async Task ReleaseAsync()
    {
        release.TrySetResult();
        await served.Task;
        await page.EvaluateAsync($"() => import('./js/{script}')");
    }
}
