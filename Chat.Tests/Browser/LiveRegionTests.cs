using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>What a screen reader hears of the open channel: other people's new messages, not the history.</summary>
public sealed class LiveRegionTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task NewMessage_OfAnotherMember_IsSaidInTheLiveRegion_NotToItsAuthor()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        await users.PageA.SendMessageAsync("said before Bob looked");
        await users.PageB.ReloadAsync();
        await Expect(users.PageB.Message("said before Bob looked")).ToBeVisibleAsync();
        await users.PageB.ComposerBox().ExpectKeysReadyAsync();
        var heardByB = users.PageB.GetByRole(AriaRole.Status).And(users.PageB.GetByTestId("new-messages"));
        var heardByA = users.PageA.GetByRole(AriaRole.Status).And(users.PageA.GetByTestId("new-messages"));
        await Expect(heardByB).ToHaveTextAsync("");

        await users.PageA.SendMessageAsync("the **kettle** is on");

        await Expect(heardByB).ToHaveTextAsync($"{users.A.DisplayName}: the kettle is on");
        await Expect(users.PageA.Message("the kettle is on")).ToBeVisibleAsync();
        await Expect(heardByA).ToHaveTextAsync("");
        await Expect(users.PageB.MessageLog()).ToHaveAttributeAsync("aria-live", "off");
    }
}
