using System.Globalization;
using System.Text.RegularExpressions;
using Chat.Domain.Messages;
using Chat.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Replies between two people in two browsers: chosen from the toolbar (or R, or a tap on a phone), seen live with
/// their quote, the quote's jump to an original on an older page, and the notification of the original's author.
/// </summary>
public sealed partial class LiveReplyTests(SeedingAppFixture app) : IClassFixture<SeedingAppFixture>
{
    private const string Original = "Picnic <b>at noon</b>?";
    private const string Hostile = "<script>window.replyRan = 1</script> <b>count me in</b>";

    // More than a page newer than the original: a freshly opened channel does not hold it.
    private const int Newer = MessageService.PageSize + 10;

    [BrowserFact]
    public async Task Reply_FromToolbar_ShowsLiveWithQuoteThatJumpsToTheOriginalOnAnOlderPage_AndNotifies()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await pageA.SendMessageAsync(Original);
        var channelId = int.Parse(ChannelId().Match(pageA.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        var messages = app.Services.GetRequiredService<MessageService>();
        var userIdA = await app.UserIdAsync(users.A.UserName);
        for (var i = 1; i <= Newer; i++)
        {
            await messages.SendAsync(userIdA, channelId, $"Newer message {i:000}", Guid.NewGuid());
        }

        // B replies from the original's toolbar; the composer says to whom, with @ON, and has the focus.
        await Expect(pageB.Message($"Newer message {Newer:000}")).ToBeVisibleAsync();
        var originalOnB = pageB.Message(Original);
        await originalOnB.ShowActionsAsync();
        await originalOnB.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
        var bar = pageB.GetByRole(AriaRole.Status).Filter(new() { HasText = "Replying to" });
        await Expect(bar).ToContainTextAsync($"Replying to {users.A.DisplayName}");
        await Expect(bar.GetByRole(AriaRole.Button, new() { Name = $"Notify {users.A.DisplayName}" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(bar.GetByRole(AriaRole.Button, new() { Name = $"Notify {users.A.DisplayName}" })).ToHaveTextAsync("@ON");
        await Expect(pageB.ComposerBox()).ToBeFocusedAsync();
        await pageB.SendMessageAsync(Hostile);
        await Expect(bar).ToHaveCountAsync(0);

        // A sees it at once, quote and reply as text; A's bell counts the reply.
        var replyOnA = pageA.MessageLog().Locator("li.message.reply");
        await Expect(replyOnA).ToHaveCountAsync(1);
        await ExpectReplyAsTextAsync(replyOnA, users.A.DisplayName);
        await Expect(pageA.UnreadCount()).ToHaveTextAsync("1");

        // Opened again, the channel holds the newest page only: the original is on an older one.
        await pageA.ReloadAsync();
        await Expect(pageA.MessageLog()).ToHaveAttributeAsync("data-actions", "ready");
        replyOnA = pageA.MessageLog().Locator("li.message.reply");
        await ExpectReplyAsTextAsync(replyOnA, users.A.DisplayName);
        var originalOnA = pageA.MessageLog().Locator("li.message:not(.reply)").Filter(new() { HasText = Original });
        await Expect(originalOnA).ToHaveCountAsync(0);

        await replyOnA.Locator(".reply-quote").ClickAsync();

        await Expect(pageA).ToHaveURLAsync(HighlightUrl());
        var highlighted = pageA.MessageLog().Locator(".message.highlight");
        await Expect(highlighted).ToHaveCountAsync(1);
        await Expect(highlighted.Locator(".content")).ToHaveTextAsync(Original);
        await Expect(highlighted).ToBeInViewportAsync();

        // The notification opens the reply, highlighted, as a mention's does.
        var inbox = await pageA.OpenInboxAsync();
        var notification = inbox.GetByRole(AriaRole.Button, new() { Name = $"{users.B.DisplayName} (@{users.B.UserName}) replied to you in #general" })
            .Filter(new() { HasText = "count me in" });
        await Expect(notification).ToBeVisibleAsync();
        await notification.ClickAsync();
        await Expect(highlighted).ToHaveCountAsync(1);
        await Expect(highlighted).ToHaveClassAsync(new Regex(@"\breply\b"));
        await Expect(pageA.UnreadCount()).ToHaveCountAsync(0);
        Assert.True(await pageA.EvaluateAsync<bool>("() => window.replyRan === undefined"));
    }

    [BrowserFact]
    public async Task Reply_WithRAndEscape_StartsAndCancels_WithoutTouchingTyping_AndShowsADeletedOriginalLive()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (pageA, pageB) = (users.PageA, users.PageB);
        await pageA.SendMessageAsync("Who has the keys?");
        var onB = pageB.Message("Who has the keys?");
        await Expect(onB).ToBeVisibleAsync();

        // R typed in the composer is a letter, not a shortcut.
        await pageB.ComposerBox().ExpectKeysReadyAsync();
        await pageB.ComposerBox().PressSequentiallyAsync("rr");
        await Expect(pageB.ComposerBox()).ToHaveValueAsync("rr");
        var bar = pageB.GetByRole(AriaRole.Status).Filter(new() { HasText = "Replying to" });
        await Expect(bar).ToHaveCountAsync(0);
        await pageB.ComposerBox().FillAsync("");

        // R on the message (its toolbar has the focus) replies; Escape in the composer cancels.
        await onB.ShowActionsAsync();
        await onB.GetByRole(AriaRole.Button, new() { Name = "Add reaction" }).FocusAsync();
        await pageB.Keyboard.PressAsync("r");
        await Expect(bar).ToContainTextAsync(users.A.DisplayName);
        await Expect(pageB.ComposerBox()).ToBeFocusedAsync();
        await Expect(pageB.ComposerBox()).ToHaveValueAsync("");
        await pageB.ComposerBox().PressAsync("Escape");
        await Expect(bar).ToHaveCountAsync(0);

        // Again, with @OFF: the reply is stored with its quote, and A's bell stays quiet.
        await onB.ShowActionsAsync();
        await onB.GetByRole(AriaRole.Button, new() { Name = "Add reaction" }).FocusAsync();
        await pageB.Keyboard.PressAsync("r");
        var toggle = bar.GetByRole(AriaRole.Button, new() { Name = $"Notify {users.A.DisplayName}" });
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("@OFF");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await pageB.SendMessageAsync("Me, quietly");
        await Expect(pageA.MessageLog().Locator("li.message.reply .reply-quote")).ToContainTextAsync("Who has the keys?");

        // A deletes the original: both see at once that the reply's original is gone.
        var originalOnA = pageA.MessageLog().Locator("li.message:not(.reply)").Filter(new() { HasText = "Who has the keys?" });
        await originalOnA.HoverAsync();
        await originalOnA.GetByRole(AriaRole.Button, new() { Name = "Delete message" }).ClickAsync();
        var confirm = pageA.GetByRole(AriaRole.Dialog, new() { Name = "Delete message" });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(originalOnA).ToHaveCountAsync(0);
        await Expect(pageA.MessageLog().Locator("li.message.reply .reply-quote")).ToHaveTextAsync("Original message was deleted");
        await Expect(pageB.MessageLog().Locator("li.message.reply .reply-quote")).ToHaveTextAsync("Original message was deleted");
        // A mention sent after the quiet reply: once A sees it, both are stored, and A's inbox holds the mention only.
        await pageB.SendMessageAsync($"@{users.A.UserName} now you know");
        await Expect(pageA.Message("now you know")).ToBeVisibleAsync();
        var inbox = await pageA.OpenInboxAsync();
        await Expect(inbox.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(inbox.GetByRole(AriaRole.Listitem)).ToContainTextAsync("mentioned you");
    }

    [BrowserFact]
    public async Task Reply_AtPhoneWidth_TapOnTheMessageShowsReply()
    {
        await using var users = await TwoUsers.InNewServerAsync(app, Screen.Phone);
        await users.PageA.SendMessageAsync("Shipped it");
        var onB = users.PageB.Message("Shipped it");
        await Expect(onB).ToBeVisibleAsync();

        await onB.ShowActionsAsync();
        await onB.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).TapAsync();
        var bar = users.PageB.GetByRole(AriaRole.Status).Filter(new() { HasText = "Replying to" });
        await Expect(bar).ToContainTextAsync(users.A.DisplayName);
        await users.PageB.SendMessageAsync("Great work");

        var replyOnA = users.PageA.MessageLog().Locator("li.message.reply");
        await Expect(replyOnA.Locator(".reply-quote")).ToContainTextAsync("Shipped it");
        await Expect(replyOnA.Locator(".content")).ToHaveTextAsync("Great work");
    }

    private static async Task ExpectReplyAsTextAsync(ILocator reply, string originalAuthor)
    {
        var quote = reply.Locator(".reply-quote");
        await Expect(quote.Locator(".reply-author")).ToHaveTextAsync(originalAuthor);
        await Expect(quote.Locator(".reply-excerpt")).ToHaveTextAsync(Original);
        await Expect(reply.Locator(".content")).ToHaveTextAsync(Hostile);
        await Expect(reply.Locator("b, script")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/channels/(\d+)$")]
    private static partial Regex ChannelId();

    [GeneratedRegex(@"/servers/\d+/channels/\d+\?message=\d+$")]
    private static partial Regex HighlightUrl();
}
