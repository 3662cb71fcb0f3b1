using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// The composer's suggestions as people use them: @ for a member with the keyboard on a desktop, # and :emoji by
/// tapping on a phone, Escape to close the list.
/// </summary>
public sealed class AutocompleteTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    // The theme's surface (ChatTheme): the list is drawn in the theme's colours, dark by default and light when chosen.
    private const string DarkSurface = "rgb(43, 45, 49)";
    private const string LightSurface = "rgb(242, 243, 245)";

    [BrowserFact]
    public async Task AtMember_ChosenWithTheKeyboard_SendsAMentionThatNotifiesTheOther()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (ann, bob) = (users.PageA, users.PageB);
        // Bob is elsewhere when he is mentioned, as the notification tests have it.
        await bob.ServerRail().GetByRole(AriaRole.Link, new() { Name = "Find servers" }).ClickAsync();
        await Expect(bob.GetByRole(AriaRole.Heading, new() { Name = "Find servers" })).ToBeVisibleAsync();
        var box = ann.ComposerBox();
        await box.ExpectKeysReadyAsync();
        var list = Suggestions(ann);

        // Ann owns the server: Bob, then @everyone; Ann herself is not offered.
        await box.PressSequentiallyAsync("lunch? @");
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(2);
        await Expect(list).ToHaveCSSAsync("background-color", DarkSurface);
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(list.GetByRole(AriaRole.Option).Nth(0)).ToContainTextAsync(users.B.DisplayName);
        await Expect(list.GetByRole(AriaRole.Option).Nth(1)).ToContainTextAsync("@everyone");
        await box.PressAsync("ArrowDown");
        await Expect(list.GetByRole(AriaRole.Option).Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", "composer-suggestions-1");
        await box.PressAsync("ArrowUp");
        await Expect(list.GetByRole(AriaRole.Option).Nth(0)).ToHaveAttributeAsync("aria-selected", "true");
        // By a word of his display name, whatever its case.
        await box.PressSequentiallyAsync("REY");
        var bobOption = list.GetByRole(AriaRole.Option);
        await Expect(bobOption).ToHaveCountAsync(1);
        await Expect(bobOption).ToContainTextAsync($"@{users.B.UserName}");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", "composer-suggestions-0");

        // Enter chooses and does not send.
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync($"lunch? @{users.B.UserName} ");
        await Expect(list).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(ann.MessageLog().GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);

        await box.PressSequentiallyAsync("at noon");
        await box.PressAsync("Enter");

        await Expect(box).ToHaveValueAsync("");
        await Expect(ann.Message($"lunch? @{users.B.UserName} at noon")).ToBeVisibleAsync();
        await Expect(bob.UnreadCount()).ToHaveTextAsync("1");
        var inbox = await bob.OpenInboxAsync();
        await Expect(inbox.GetByRole(AriaRole.Button).Filter(new() { HasText = "at noon" })).ToContainTextAsync("mentioned you");
    }

    [BrowserFact]
    public async Task Escape_ClosesTheListAndKeepsTheText_EnterThenSends()
    {
        await using var context = await app.NewContextAsync();
        var page = await RegisterWithServerAsync(context);
        var box = page.ComposerBox();
        await box.ExpectKeysReadyAsync();
        var list = Suggestions(page);
        await box.PressSequentiallyAsync("see #gen");
        await Expect(list.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);

        await box.PressAsync("Escape");

        await Expect(list).ToBeHiddenAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(box).ToHaveValueAsync("see #gen");
        await Expect(box).ToBeFocusedAsync();
        // The same word does not open it again; Enter sends what was typed.
        await box.PressSequentiallyAsync("er");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("");
        await Expect(page.Message("see #gener")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task HashAndEmoji_ChosenByTapping_AtPhoneWidthInTheLightTheme()
    {
        await using var context = await app.NewContextAsync(Screen.Phone);
        await context.AddCookiesAsync([new Cookie { Name = "chat.theme", Value = "light", Url = app.BaseUrl.ToString() }]);
        var page = await context.NewPageAsync();
        var user = TestUser.Create("ac");
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();
        // The server and its second channel through the services: this test is about the composer, not the drawer
        // that creating them goes through on a phone.
        var (serverId, randomId) = await ArrangeServerAsync(user);
        await page.GotoAsync($"servers/{serverId}/channels/{randomId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "# random" })).ToBeVisibleAsync();
        var box = page.ComposerBox();
        await box.ExpectKeysReadyAsync();
        var list = Suggestions(page);
        await box.TapAsync();

        await box.PressSequentiallyAsync("moved to #gen");
        var general = list.GetByRole(AriaRole.Option).Filter(new() { HasText = "#general" });
        await Expect(general).ToBeVisibleAsync();
        await ExpectAboveTheBoxOnScreenAsync(page, list, box);
        await Expect(list).ToHaveCSSAsync("background-color", LightSurface);
        await general.TapAsync();
        await Expect(box).ToHaveValueAsync("moved to #general ");
        await Expect(box).ToBeFocusedAsync();

        await box.PressSequentiallyAsync("yay :tad");
        var tada = list.GetByRole(AriaRole.Option).Filter(new() { HasText = ":tada:" });
        await ExpectAboveTheBoxOnScreenAsync(page, list, box);
        await tada.TapAsync();
        await Expect(box).ToHaveValueAsync("moved to #general yay \U0001F389");
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("");

        // The channel's name in the message leads to it.
        var link = page.Message("moved to").GetByRole(AriaRole.Link, new() { Name = "#general" });
        await link.TapAsync();
        await Expect(page).ToHaveURLAsync(ChatPage.ChannelUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "# general" })).ToBeVisibleAsync();
    }

    private static ILocator Suggestions(IPage page) =>
        page.GetByRole(AriaRole.Listbox, new() { Name = page.Say("Suggestions") });

    private static async Task<IPage> RegisterWithServerAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create("ac"));
        await page.ExpectShellAsync();
        await page.CreateServerAsync(TwoUsers.UniqueServerName("Deck"));
        return page;
    }

    private async Task<(int ServerId, int RandomId)> ArrangeServerAsync(TestUser user)
    {
        string userId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>().FindByNameAsync(user.UserName))!.Id;
        }

        var server = await app.Services.GetRequiredService<CommunityService>().CreateAsync(userId, TwoUsers.UniqueServerName("Deck"), null, isPublic: true);
        var random = await app.Services.GetRequiredService<ChannelService>().CreateAsync(userId, server.Id, "random");
        return (server.Id, random.Id);
    }

    // Whole, on the page, and between the channel header and the box: not under the keyboard, not off the top.
    private static async Task ExpectAboveTheBoxOnScreenAsync(IPage page, ILocator list, ILocator box)
    {
        await Expect(list).ToBeInViewportAsync(new() { Ratio = 1 });
        var shown = (await list.BoundingBoxAsync())!;
        var boxAt = (await box.BoundingBoxAsync())!;
        Assert.True(shown.X >= 0 && shown.X + shown.Width <= page.ViewportSize!.Width, $"The list spans {shown.X} to {shown.X + shown.Width}.");
        Assert.True(shown.Y + shown.Height <= boxAt.Y + 1, $"The list ends at {shown.Y + shown.Height}, the box starts at {boxAt.Y}.");
    }
}
