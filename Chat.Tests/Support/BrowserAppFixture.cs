using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Chat.Tests.Support;

/// <summary>
/// One app on a real loopback socket and one headless Chromium, shared by the tests of a class (starting both
/// costs a few seconds). Tests take their own browser context and their own users, so they stay independent.
/// </summary>
public class BrowserAppFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly ChromiumFixture chromium = new();
    private readonly ChatAppFactory app = new();
    private Uri? baseUrl;

    public Uri BaseUrl => baseUrl ?? throw new InvalidOperationException("The app was not started: Chromium is missing.");

    /// <summary>The running app's services, for arranging data faster than through the UI (e.g. a long history).</summary>
    public IServiceProvider Services => baseUrl is null
        ? throw new InvalidOperationException("The app was not started: Chromium is missing.")
        : app.Services;

    /// <summary>Configuration for this class's app, applied before it starts.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Service replacements for this class's app, applied after the app's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        await chromium.InitializeAsync();
        if (!ChromiumFixture.IsAvailable)
        {
            // The tests are skipped (or fail under CI); starting the app would only cost time.
            return;
        }

        Configure(app.Settings);
        app.TestServices = ConfigureServices;
        // StartServer blocks while the host starts; keep it off xunit's synchronization context.
        baseUrl = await Task.Run(app.StartKestrel);
    }

    public Task<IBrowserContext> NewContextAsync() => chromium.NewContextAsync(BaseUrl.ToString());

    /// <summary>A context of another screen size (a phone, a tablet), the device's light or dark setting, other options.</summary>
    public Task<IBrowserContext> NewContextAsync(
        Screen screen, ColorScheme? colorScheme = null, Action<BrowserNewContextOptions>? configure = null) =>
        chromium.NewContextAsync(BaseUrl.ToString(), screen, colorScheme, configure);

    /// <summary>A context that reaches the app through another address, e.g. a <see cref="CuttableProxy"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return chromium.NewContextAsync(baseUrl.ToString());
    }

    private bool disposed;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await chromium.DisposeAsync();
        await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
