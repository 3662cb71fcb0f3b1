using System.Globalization;
using System.Text.RegularExpressions;
using Chat.Domain.Messages;
using Chat.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Pins between two people in two browsers: the owner pins a message, the member sees the line and the marker
/// live, and finds the message again through the pinned list, older pages loaded and the message highlighted.
/// </summary>
public sealed partial class LivePinTests(SeedingAppFixture app) : IClassFixture<SeedingAppFixture>
{
    // More than a page, so the pinned message is no longer in the member's list after a reload.
    private const int Later = MessageService.PageSize + 10;

    [BrowserFact]
    public async Task Pin_ByOwner_MemberSeesLineAndMarkerLiveAndJumpsFromTheList()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await pageA.SendMessageAsync("House rules: be kind");
        var onA = pageA.Message("House rules: be kind");
        var onB = pageB.Message("House rules: be kind");
        await Expect(onB).ToBeVisibleAsync();

        // Only the owner and admins are offered the pin.
        await onB.ShowActionsAsync();
        await Expect(onB.GetByRole(AriaRole.Button, new() { Name = "Pin message" })).ToHaveCountAsync(0);
        await onA.ShowActionsAsync();
        await onA.GetByRole(AriaRole.Button, new() { Name = "Pin message" }).ClickAsync();

        var line = pageB.MessageLog().GetByRole(AriaRole.Listitem).Filter(new() { HasText = "pinned a message" });
        await Expect(line).ToHaveTextAsync(new Regex($@"^\s*{users.A.DisplayName} pinned a message\. See all pinned messages\."));
        await Expect(onB.GetByRole(AriaRole.Img, new() { Name = "Pinned" })).ToBeVisibleAsync();
        await onA.ShowActionsAsync();
        await Expect(onA.GetByRole(AriaRole.Button, new() { Name = "Unpin message" })).ToBeVisibleAsync();

        // The line's "See all pinned messages" opens the list; Escape closes it and gives the focus back.
        var seeAll = line.GetByRole(AriaRole.Button, new() { Name = "See all pinned messages." });
        await seeAll.ClickAsync();
        var list = pageB.GetByRole(AriaRole.Dialog, new() { Name = "Pinned messages" });
        await Expect(list.GetByRole(AriaRole.Button).Filter(new() { HasText = "House rules: be kind" })).ToBeVisibleAsync();
        await Expect(list.Locator(":focus")).ToHaveCountAsync(1);
        await pageB.Keyboard.PressAsync("Escape");
        await Expect(list).ToBeHiddenAsync();
        await Expect(seeAll).ToBeFocusedAsync();

        // Much is said after it: reopened, the channel shows only the newest page.
        await SeedAsync(pageA, users.A.UserName, "Later message");
        await Expect(pageB.Message($"Later message {Later:000}")).ToBeVisibleAsync();
        await pageB.ReloadAsync();
        // The page is live again (its buttons answer) once the composer's keys are wired.
        await pageB.ComposerBox().ExpectKeysReadyAsync();
        await Expect(pageB.Message($"Later message {Later:000}")).ToBeVisibleAsync();
        await Expect(onB).ToHaveCountAsync(0);

        // By keyboard: the header's button opens the list, the entry is chosen, the message loads and is highlighted.
        var header = pageB.GetByRole(AriaRole.Button, new() { Name = "Pinned messages" });
        await header.FocusAsync();
        await header.PressAsync("Enter");
        var entry = list.GetByRole(AriaRole.Button).Filter(new() { HasText = "House rules: be kind" });
        await Expect(entry).ToContainTextAsync(users.A.DisplayName);
        await entry.FocusAsync();
        await entry.PressAsync("Enter");

        await Expect(list).ToBeHiddenAsync();
        await Expect(onB).ToHaveClassAsync(new Regex(@"\bhighlight\b"));
        await Expect(onB).ToBeInViewportAsync();
        await Expect(pageB).ToHaveURLAsync(new Regex(@"\?message=\d+$"));
    }

    [BrowserFact]
    public async Task PinnedList_AtPhoneWidth_TapOpensItAndTheChosenMessageIsHighlighted()
    {
        await using var users = await TwoUsers.InNewServerAsync(app, Screen.Phone);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await pageA.SendMessageAsync("Meet at the north gate");
        var onA = pageA.Message("Meet at the north gate");
        await onA.ShowActionsAsync();
        await onA.GetByRole(AriaRole.Button, new() { Name = "Pin message" }).TapAsync();
        var onB = pageB.Message("Meet at the north gate");
        await Expect(onB.GetByRole(AriaRole.Img, new() { Name = "Pinned" })).ToBeVisibleAsync();
        await SeedAsync(pageA, users.A.UserName, "Chatter");
        await pageB.ReloadAsync();
        // The page is live again (its buttons answer) once the composer's keys are wired.
        await pageB.ComposerBox().ExpectKeysReadyAsync();
        await Expect(pageB.Message($"Chatter {Later:000}")).ToBeVisibleAsync();

        await pageB.GetByRole(AriaRole.Button, new() { Name = "Pinned messages" }).TapAsync();
        var list = pageB.GetByRole(AriaRole.Dialog, new() { Name = "Pinned messages" });
        var entry = list.GetByRole(AriaRole.Button).Filter(new() { HasText = "Meet at the north gate" });
        await Expect(entry).ToBeInViewportAsync();
        var box = await list.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.X, 0, Screen.Phone.Width);
        Assert.InRange(box.X + box.Width, 0, Screen.Phone.Width);
        await entry.TapAsync();

        await Expect(list).ToBeHiddenAsync();
        await Expect(onB).ToHaveClassAsync(new Regex(@"\bhighlight\b"));
        await Expect(onB).ToBeInViewportAsync();
    }

    // Written through the service (the write limits are off in this app), as live events to both pages.
    private async Task SeedAsync(IPage page, string userName, string prefix)
    {
        var channelId = int.Parse(ChannelId().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        var userId = await app.UserIdAsync(userName);
        var messages = app.Services.GetRequiredService<MessageService>();
        for (var i = 1; i <= Later; i++)
        {
            await messages.SendAsync(userId, channelId, string.Create(CultureInfo.InvariantCulture, $"{prefix} {i:000}"), Guid.NewGuid());
        }
    }

    [GeneratedRegex(@"/channels/(\d+)")]
    private static partial Regex ChannelId();
}
