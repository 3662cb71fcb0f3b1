using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Two people who share a server talk in a direct conversation, and one blocks the other.</summary>
public sealed class DirectMessageTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task Conversation_LiveBothWays_WithUnreadBadges()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);

        await StartConversationAsync(pageA, users.B.DisplayName);
        await pageA.SendMessageAsync("Hi Bob, just between us");

        var badge = pageB.DirectMessagesBadge();
        await Expect(badge).ToHaveTextAsync("1");
        await Expect(badge).ToHaveAccessibleNameAsync("Unread direct messages: 1");
        await pageB.DirectMessagesLink().ClickAsync();
        var conversation = pageB.ConversationLink(users.A.DisplayName);
        await Expect(conversation).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("unread messages: 1"));
        await conversation.ClickAsync();
        await Expect(pageB.GetByRole(AriaRole.Heading, new() { Name = users.A.DisplayName, Exact = true })).ToBeVisibleAsync();
        await Expect(pageB.Message("just between us")).ToBeVisibleAsync();
        await Expect(badge).ToHaveCountAsync(0);

        await pageB.SendMessageAsync("Hi Ann, got it");

        await Expect(pageA.Message("Hi Ann, got it")).ToBeVisibleAsync();
        await Expect(pageA.DirectMessagesBadge()).ToHaveCountAsync(0);
        // The conversation is no server: the rail lists only the one they share.
        await Expect(pageA.ServerRail().GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task Block_OnAPhone_TheBlockedPersonCannotSendAndIsToldWhy()
    {
        await using var users = await TwoUsers.InNewServerAsync(app, Screen.Phone);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await StartConversationAsync(pageA, users.B.DisplayName);
        await pageA.SendMessageAsync("Before the block");
        await pageB.ShowNavigationAsync();
        await pageB.DirectMessagesLink().ClickAsync();
        await pageB.ConversationLink(users.A.DisplayName).ClickAsync();
        await Expect(pageB.Message("Before the block")).ToBeVisibleAsync();

        await pageA.GetByRole(AriaRole.Button, new() { Name = $"Block {users.B.DisplayName}" }).ClickAsync();

        await Expect(pageA.GetByRole(AriaRole.Status).Filter(new() { HasText = $"You blocked {users.B.DisplayName}." })).ToBeVisibleAsync();
        var composer = pageB.ComposerBox();
        await composer.ExpectKeysReadyAsync();
        await composer.FillAsync("Are you there?");
        await composer.PressAsync("Enter");
        await Expect(pageB.GetByRole(AriaRole.Alert).Filter(new() { HasText = "someone in this conversation has blocked you" }))
            .ToBeVisibleAsync();
        await Expect(pageA.Message("Are you there?")).ToHaveCountAsync(0);
        await Expect(pageB.Message("Are you there?")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task ProfileCard_Message_OpensTheConversationBothSidesShare()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await pageB.SendMessageAsync("Hello from Bob");
        await pageA.Message("Hello from Bob").GetByRole(AriaRole.Button, new() { Name = users.B.DisplayName, Exact = true }).ClickAsync();
        var card = pageA.GetByRole(AriaRole.Dialog, new() { Name = users.B.DisplayName });

        await card.GetByRole(AriaRole.Button, new() { Name = "Message", Exact = true }).ClickAsync();

        await Expect(card).ToHaveCountAsync(0);
        await Expect(pageA.GetByRole(AriaRole.Heading, new() { Name = users.B.DisplayName, Exact = true })).ToBeVisibleAsync();
        await pageA.SendMessageAsync("Found you through your card");
        await Expect(pageB.DirectMessagesBadge()).ToHaveTextAsync("1");
    }

    // From the rail's "Direct messages" home, "New message", one person, and the conversation opens.
    private static async Task StartConversationAsync(IPage page, string displayName)
    {
        await page.ShowNavigationAsync();
        await page.DirectMessagesLink().ClickAsync();
        await page.ConversationColumn().GetByRole(AriaRole.Button, new() { Name = "New message" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New message" });
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = displayName }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start (1)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = displayName, Exact = true })).ToBeVisibleAsync();
    }
}

internal static class DirectMessagePage
{
    public static ILocator DirectMessagesLink(this IPage page) =>
        page.GetByRole(AriaRole.Link, new() { Name = "Direct messages", Exact = true });

    public static ILocator DirectMessagesBadge(this IPage page) => page.GetByTestId("dm-unread");

    /// <summary>The conversation's link in the list on screen (<see cref="ConversationColumn"/>).</summary>
    public static ILocator ConversationLink(this IPage page, string name) =>
        page.ConversationColumn().GetByRole(AriaRole.Navigation, new() { Name = "Conversations" })
            .GetByRole(AriaRole.Link).Filter(new() { HasText = name });

    /// <summary>
    /// Where the Direct messages home lists the conversations: beside the rail, or on a phone the page itself. The
    /// phone's drawer holds the same list while it closes after the tap on Direct messages; "whichever is visible"
    /// could pick the drawer's just before it slid away (a local CI run saw a click wait 10 s on a button gone from
    /// view).
    /// </summary>
    public static ILocator ConversationColumn(this IPage page) =>
        page.IsPhone() ? page.GetByRole(AriaRole.Main) : page.Locator("#nav-drawer");
}
