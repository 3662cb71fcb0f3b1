using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

public sealed class UnreadTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task Mention_InOtherChannel_BoldsChannelAndBadgesUntilOpened()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await pageA.CreateChannelAsync("deploys");
        await Expect(pageA.GetByRole(AriaRole.Heading, new() { Name = "# deploys" })).ToBeVisibleAsync();
        var channel = pageB.ChannelLink("deploys");
        await Expect(channel).ToBeVisibleAsync();
        await Expect(channel).ToHaveCSSAsync("font-weight", "400");

        await pageA.SendMessageAsync("Heads up: deploy at 3pm");
        await pageA.SendMessageAsync($"@{users.B.UserName} can you watch the deploy?");

        await Expect(channel).ToHaveCSSAsync("font-weight", "700");
        await Expect(channel).ToHaveAccessibleNameAsync("deploys (unread) 1 mention");
        var railBadge = pageB.ServerRail().GetByLabel($"1 unread mention in {users.ServerName}");
        await Expect(railBadge).ToHaveTextAsync("1");
        await Expect(pageB.ChannelLink("general")).ToHaveCSSAsync("font-weight", "400");

        await channel.ClickAsync();

        await Expect(pageB.GetByRole(AriaRole.Heading, new() { Name = "# deploys" })).ToBeVisibleAsync();
        await Expect(pageB.MessageLog().GetByRole(AriaRole.Listitem).Filter(new() { HasText = "New messages" })).ToBeVisibleAsync();
        await Expect(pageB.Message("can you watch the deploy?")).ToBeVisibleAsync();
        await Expect(channel).ToHaveAccessibleNameAsync("deploys");
        await Expect(railBadge).ToHaveCountAsync(0);
        await Expect(pageB.ServerRail().Locator(".rail-badge")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Message_InOpenChannel_NeitherBoldNorBadge()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);

        await users.PageA.SendMessageAsync($"@{users.B.UserName} hi there");

        await Expect(users.PageB.Message("hi there")).ToBeVisibleAsync();
        await Expect(users.PageB.ChannelLink("general")).ToHaveAccessibleNameAsync("general");
        await Expect(users.PageB.ServerRail().Locator(".rail-badge")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task MarkUnread_OnAMessage_PutsTheDividerRightAboveIt()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        await users.PageA.SendMessageAsync("First news");
        await users.PageA.SendMessageAsync("Second news");
        var message = users.PageB.Message("Second news");
        await Expect(message).ToBeVisibleAsync();
        await Expect(users.PageB.MessageLog().Locator("li.unread-divider")).ToHaveCountAsync(0);

        await message.HoverAsync();
        await message.GetByRole(AriaRole.Button, new() { Name = "Mark unread" }).ClickAsync();

        await Expect(users.PageB.MessageLog().Locator("li.unread-divider + li.message")).ToContainTextAsync("Second news");
    }
}
