using Chat.Tests.Support;

namespace Chat.Tests.Browser;

/// <summary>An app whose circuits and cookies recheck the security stamp every two seconds instead of every minute.</summary>
public sealed class ShortRevalidationAppFixture : BrowserAppFixture
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Auth:RevalidationInterval"] = Interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SessionRevalidationTests(ShortRevalidationAppFixture app) : IClassFixture<ShortRevalidationAppFixture>
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

        // No reload here: the second tab's circuit must notice the new security stamp by itself.
        await second.ExpectLoginPageAsync();
    }
}
