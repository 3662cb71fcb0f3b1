using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Two people in two browser contexts (own cookies, own circuit): A owns a fresh public server, B has joined it
/// through Find servers, and both have its #general open.
/// </summary>
public sealed class TwoUsers : IAsyncDisposable
{
    private TwoUsers(IBrowserContext contextA, IPage pageA, TestUser a, IBrowserContext contextB, IPage pageB, TestUser b, string serverName)
    {
        (ContextA, PageA, A) = (contextA, pageA, a);
        (ContextB, PageB, B) = (contextB, pageB, b);
        ServerName = serverName;
    }

    public TestUser A { get; }

    public TestUser B { get; }

    public IBrowserContext ContextA { get; }

    public IBrowserContext ContextB { get; }

    public IPage PageA { get; }

    public IPage PageB { get; }

    public string ServerName { get; }

    public static string UniqueServerName(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static Task<TwoUsers> InNewServerAsync(BrowserAppFixture app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return InNewServerAsync(app.NewContextAsync);
    }

    /// <summary>As above, both on a screen of the given size (a phone, a tablet).</summary>
    public static Task<TwoUsers> InNewServerAsync(BrowserAppFixture app, Screen screen, Func<IBrowserContext, Task>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return InNewServerAsync(async () =>
        {
            var context = await app.NewContextAsync(screen);
            if (prepare is not null)
            {
                await prepare(context);
            }

            return context;
        });
    }

    /// <summary>As above, for an app the test runs itself (e.g. <see cref="AppProcess"/>).</summary>
    public static async Task<TwoUsers> InNewServerAsync(Func<Task<IBrowserContext>> newContext)
    {
        ArgumentNullException.ThrowIfNull(newContext);

        var contextA = await newContext();
        var contextB = await newContext();
        // Display names need not be unique; people-like ones make the README's screenshot read like a real chat.
        var (a, b) = (TestUser.Create("ann") with { DisplayName = "Ann Park" }, TestUser.Create("bob") with { DisplayName = "Bob Reyes" });
        var pageA = await contextA.NewPageAsync();
        var pageB = await contextB.NewPageAsync();
        var users = new TwoUsers(contextA, pageA, a, contextB, pageB, b, UniqueServerName("Crew"));
        try
        {
            // Registering hashes a password; both at once halves the wait.
            await Task.WhenAll(RegisterAsync(pageA, a), RegisterAsync(pageB, b));
            await pageA.CreateServerAsync(users.ServerName);
            await pageB.JoinServerAsync(users.ServerName);
            await Expect(pageA.MemberList()).ToContainTextAsync(b.DisplayName);
            return users;
        }
        catch
        {
            await users.DisposeAsync();
            throw;
        }
    }

    private static async Task RegisterAsync(IPage page, TestUser user)
    {
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await ContextA.DisposeAsync();
        await ContextB.DisposeAsync();
    }
}
