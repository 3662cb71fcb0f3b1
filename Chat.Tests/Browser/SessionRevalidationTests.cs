using Chat.Tests.Support;

namespace Chat.Tests.Browser;

/// <summary>
/// With the default settings (the security stamp checked every minute): a live tab learns at once that its session
/// was revoked, well within the ten seconds a page assertion waits.
/// </summary>
public sealed class SessionRevalidationTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task LogOut_InOneTab_SendsOtherLiveTabToLogin()
    {
        await using var context = await app.NewContextAsync();
        var first = await context.NewPageAsync();
        await first.RegisterAsync(TestUser.Create());
        await first.ExpectShellAsync();
        var second = await context.NewPageAsync();
        await second.GotoAsync("");
        await second.ExpectShellAsync();

        await first.LogOutAsync();

        // No reload here: the second tab's circuit hears of the revoked session by itself.
        await second.ExpectLoginPageAsync();
    }
}
