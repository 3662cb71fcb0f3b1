using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Two members of one server, each in their own browser: what one does, the other sees without reloading.</summary>
public sealed class LiveChatTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task SendMessage_BothWays_AppearsLiveForTheOther()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);

        await pageA.SendMessageAsync("Morning! Did the **release** go out?");
        await Expect(pageB.Message("Morning! Did the release go out?")).ToBeVisibleAsync();
        await pageB.SendMessageAsync("It did, 20 minutes ago.");
        await pageB.SendMessageAsync("Dashboards look calm, error rate is flat.");
        await Expect(pageA.Message("It did, 20 minutes ago.")).ToBeVisibleAsync();
        await Expect(pageA.Message("Dashboards look calm")).ToBeVisibleAsync();
        await pageA.SendMessageAsync("Great, thanks for watching it. Tagging `v2.4.1` now.");

        await Expect(pageB.Message("Great, thanks for watching it")).ToBeVisibleAsync();
        await Expect(pageB.Message("Morning!")).ToContainTextAsync(users.A.DisplayName);
        await Expect(pageA.Message("It did")).ToContainTextAsync(users.B.DisplayName);
        // B's second message follows the first under one header.
        await Expect(pageA.Message("Dashboards look calm")).Not.ToContainTextAsync(users.B.DisplayName);
        await pageA.SaveScreenshotAsync("screenshot.png");
    }

    [BrowserFact]
    public async Task Composer_ShiftEnter_AddsLineInsteadOfSending()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var composer = users.PageA.ComposerBox();
        await composer.ExpectKeysReadyAsync();

        await composer.FillAsync("first line");
        await composer.PressAsync("Shift+Enter");
        await composer.PressSequentiallyAsync("second line");

        await Expect(composer).ToHaveValueAsync("first line\nsecond line");
        await Expect(users.PageA.MessageLog()).ToContainTextAsync("No messages yet");
        await composer.PressAsync("Enter");
        await Expect(composer).ToHaveValueAsync("");
        var message = users.PageB.Message("first line");
        await Expect(message).ToBeVisibleAsync();
        // One message on two lines, not two messages.
        await Expect(message.Locator(".content")).ToHaveTextAsync("first line\nsecond line");
        await Expect(users.PageB.Message("second line")).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task EditMessage_ByButtonAndUpArrow_ShowsLiveWithEarlierVersions()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await pageA.SendMessageAsync("Standup at 10:00");
        await Expect(pageB.Message("Standup at 10:00")).ToBeVisibleAsync();

        var mine = pageA.Message("Standup at");
        await mine.HoverAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Edit message" }).ClickAsync();
        // The editor replaces the text, so it is found in the log rather than in the message it no longer shows.
        var editor = pageA.MessageLog().GetByRole(AriaRole.Textbox, new() { Name = "Edit message" });
        await editor.ExpectKeysReadyAsync();
        await editor.FillAsync("Standup at 10:30");
        await editor.PressAsync("Enter");
        await Expect(editor).ToBeHiddenAsync();
        await Expect(pageB.Message("Standup at 10:30")).ToBeVisibleAsync();

        // Up in the empty composer edits the last own message; Enter saves.
        await pageA.ComposerBox().PressAsync("ArrowUp");
        await Expect(editor).ToHaveValueAsync("Standup at 10:30");
        await editor.ExpectKeysReadyAsync();
        await editor.FillAsync("Standup at 11:00, room 2");
        await editor.PressAsync("Enter");

        var theirs = pageB.Message("Standup at 11:00, room 2");
        await Expect(theirs).ToBeVisibleAsync();
        await Expect(pageB.Message("Standup at 10:30")).ToHaveCountAsync(0);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "(edited)" }).ClickAsync();
        var history = pageB.GetByRole(AriaRole.Dialog, new() { Name = "Earlier versions" });
        await Expect(history).ToContainTextAsync("Standup at 10:00");
        await Expect(history).ToContainTextAsync("Standup at 10:30");
        await history.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(history).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task EditMessage_Escape_CancelsAndKeepsText()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var page = users.PageA;
        await page.SendMessageAsync("Keep this as it is");

        await page.ComposerBox().PressAsync("ArrowUp");
        var editor = page.MessageLog().GetByRole(AriaRole.Textbox, new() { Name = "Edit message" });
        await editor.ExpectKeysReadyAsync();
        await editor.FillAsync("Something else");
        await editor.PressAsync("Escape");

        await Expect(editor).ToBeHiddenAsync();
        await Expect(page.Message("Keep this as it is")).ToBeVisibleAsync();
        await Expect(page.ComposerBox()).ToBeFocusedAsync();
        await Expect(users.PageB.Message("Keep this as it is").GetByRole(AriaRole.Button, new() { Name = "(edited)" })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task DeleteMessage_AfterConfirm_DisappearsForOtherMember()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await pageA.SendMessageAsync("Oops, wrong channel");
        await pageB.SendMessageAsync("Which one did you mean?");
        var theirs = pageB.Message("Oops, wrong channel");
        await Expect(theirs).ToBeVisibleAsync();

        // B may only touch their own message.
        await theirs.HoverAsync();
        await Expect(theirs.GetByRole(AriaRole.Button, new() { Name = "Mark unread" })).ToBeVisibleAsync();
        await Expect(theirs.GetByRole(AriaRole.Button, new() { Name = "Edit message" })).ToHaveCountAsync(0);
        await Expect(theirs.GetByRole(AriaRole.Button, new() { Name = "Delete message" })).ToHaveCountAsync(0);
        var own = pageB.Message("Which one did you mean?");
        await own.HoverAsync();
        await Expect(own.GetByRole(AriaRole.Button, new() { Name = "Edit message" })).ToBeVisibleAsync();

        var mine = pageA.Message("Oops, wrong channel");
        await mine.HoverAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Delete message" }).ClickAsync();
        // A MudDialog, whose role MudBlazor sets to dialog (it offers no alertdialog).
        var confirm = pageA.GetByRole(AriaRole.Dialog, new() { Name = "Delete message" });
        await Expect(confirm).ToContainTextAsync("Oops, wrong channel");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(confirm).ToBeHiddenAsync();
        await Expect(mine).ToHaveCountAsync(0);
        await Expect(theirs).ToHaveCountAsync(0);
        await Expect(pageB.Message("Which one did you mean?")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task CreateChannel_ByOwner_AppearsLiveForMemberWhoCannotCreate()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        var createButton = pageB.ChannelList().GetByRole(AriaRole.Button, new() { Name = "+ Create channel" });
        await Expect(pageB.ChannelLink("general")).ToBeVisibleAsync();
        await Expect(createButton).ToHaveCountAsync(0);

        await pageA.CreateChannelAsync("Release Notes");
        await Expect(pageA.GetByRole(AriaRole.Heading, new() { Name = "# release-notes" })).ToBeVisibleAsync();

        await Expect(pageB.ChannelLink("release-notes")).ToBeVisibleAsync();
        await Expect(createButton).ToHaveCountAsync(0);
        await Expect(pageB.ChannelList().GetByRole(AriaRole.Button, new() { Name = "Edit channel release-notes" })).ToHaveCountAsync(0);
        await pageB.ChannelLink("release-notes").ClickAsync();
        await Expect(pageB.GetByRole(AriaRole.Heading, new() { Name = "# release-notes" })).ToBeVisibleAsync();
        await pageB.SendMessageAsync("First!");
        await Expect(pageA.Message("First!")).ToBeVisibleAsync();
    }
}
