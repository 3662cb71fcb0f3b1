using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Reactions between two people in two browsers: chosen from the picker, seen live, toggled off again.</summary>
public sealed class LiveReactionTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task React_FromPickerAndByClick_ShowsLiveWithNamesAndToggles()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await pageA.SendMessageAsync("Lunch at noon?");
        var onB = pageB.Message("Lunch at noon?");
        await Expect(onB).ToBeVisibleAsync();

        // The keyboard opens the picker from the toolbar, Escape closes it and gives focus back.
        await onB.ShowActionsAsync();
        var addReaction = onB.GetByRole(AriaRole.Button, new() { Name = "Add reaction" });
        await addReaction.FocusAsync();
        await addReaction.PressAsync("Enter");
        var picker = pageB.GetByRole(AriaRole.Dialog, new() { Name = "Add reaction" });
        var search = picker.GetByRole(AriaRole.Searchbox, new() { Name = "Search emoji by name" });
        await Expect(search).ToBeFocusedAsync();
        await search.PressAsync("Escape");
        await Expect(picker).ToBeHiddenAsync();
        await Expect(addReaction).ToBeFocusedAsync();

        // B picks 👍 by its name; A sees it appear with B's name.
        await addReaction.PressAsync("Enter");
        await search.FillAsync("thumbs");
        await picker.GetByRole(AriaRole.Group, new() { Name = "Results" }).GetByTitle(":thumbs_up:").ClickAsync();
        await Expect(picker).ToBeHiddenAsync();
        var reactionOnA = pageA.Message("Lunch at noon?").Locator("button.reaction");
        var reactionOnB = onB.Locator("button.reaction");
        await Expect(reactionOnA).ToHaveTextAsync("👍 1");
        await Expect(reactionOnA).ToHaveAttributeAsync("title", users.B.DisplayName);
        await Expect(reactionOnA).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(reactionOnB).ToHaveAttributeAsync("aria-pressed", "true");

        // A adds theirs by clicking the reaction; B sees the count and both names.
        await reactionOnA.ClickAsync();
        await Expect(reactionOnB).ToHaveTextAsync("👍 2");
        await Expect(reactionOnB).ToHaveAttributeAsync("title", $"{users.B.DisplayName} and {users.A.DisplayName}");
        await Expect(reactionOnB).ToHaveAttributeAsync("aria-label", $"👍 2, from {users.B.DisplayName} and {users.A.DisplayName}");
        await Expect(reactionOnA).ToHaveAttributeAsync("aria-pressed", "true");

        // B takes theirs back.
        await reactionOnB.ClickAsync();
        await Expect(reactionOnA).ToHaveTextAsync("👍 1");
        await Expect(reactionOnA).ToHaveAttributeAsync("title", users.A.DisplayName);
        await Expect(reactionOnA).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(reactionOnB).ToHaveAttributeAsync("aria-pressed", "false");

        // And A's too: the reaction is gone for both.
        await reactionOnA.ClickAsync();
        await Expect(reactionOnB).ToHaveCountAsync(0);
        await Expect(reactionOnA).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task React_AtPhoneWidth_TapOpensPickerAndQuickEmojiReacts()
    {
        await using var users = await TwoUsers.InNewServerAsync(app, Screen.Phone);
        await users.PageA.SendMessageAsync("Shipped it");
        var onB = users.PageB.Message("Shipped it");
        await Expect(onB).ToBeVisibleAsync();

        await onB.ShowActionsAsync();
        await onB.GetByRole(AriaRole.Button, new() { Name = "Add reaction" }).TapAsync();
        var picker = users.PageB.GetByRole(AriaRole.Dialog, new() { Name = "Add reaction" });
        await picker.GetByRole(AriaRole.Group, new() { Name = "Quick reactions" }).GetByTitle(":tada:").TapAsync();

        await Expect(picker).ToBeHiddenAsync();
        await Expect(users.PageA.Message("Shipped it").Locator("button.reaction")).ToHaveTextAsync("🎉 1");
    }
}
