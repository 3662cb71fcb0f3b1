using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Script and markup typed by one user reach another user's browser as text: no dialog opens, no element is
/// created from it, a javascript: link is no link, and the Content-Security-Policy blocks nothing the app needs.
/// </summary>
public sealed class HostileInputTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string ImgPayload = "<img src=x onerror=alert(1)>";
    private const string LinkPayload = "[x](javascript:alert(1))";
    private const string SvgPayload = "<svg onload=alert(1)>";

    [BrowserFact]
    public async Task MarkupInEveryTextField_ShowsLiterallyToAnotherMember_AndRunsNothing()
    {
        await using var contextA = await app.NewContextAsync();
        await using var contextB = await app.NewContextAsync();
        var dialogs = new ConcurrentQueue<string>();
        contextA.Dialog += (_, dialog) => Record(dialogs, dialog);
        contextB.Dialog += (_, dialog) => Record(dialogs, dialog);
        // A Content-Security-Policy violation is logged as a console error, so this also shows the policy fits the app.
        var errorsA = ChromiumFixture.CollectConsoleErrors(contextA);
        var errorsB = ChromiumFixture.CollectConsoleErrors(contextB);
        var a = await contextA.NewPageAsync();
        var b = await contextB.NewPageAsync();
        var serverName = $"{SvgPayload} {TwoUsers.UniqueServerName("Crew")}";
        var description = $"{ImgPayload} {LinkPayload}";
        // Channel names are normalized (lowercase, dashes for spaces), which leaves the markup in them.
        var channelName = Chat.Domain.Channels.ChannelService.NormalizeName(ImgPayload);
        await a.RegisterAsync(TestUser.Create("ann") with { DisplayName = ImgPayload });
        await a.ExpectShellAsync();
        await a.CreateServerAsync(serverName, description);
        await a.ChannelList().GetByRole(AriaRole.Button, new() { Name = "+ Create channel" }).ClickAsync();
        var channelDialog = a.GetByRole(AriaRole.Dialog, new() { Name = "Create channel" });
        await channelDialog.GetByLabel("Channel name").FillAsync(ImgPayload);
        await channelDialog.GetByLabel("Topic (optional)").FillAsync($"{SvgPayload} {ImgPayload}");
        await channelDialog.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(channelDialog).ToBeHiddenAsync();
        await a.SendMessageAsync(ImgPayload);
        await a.SendMessageAsync(LinkPayload);
        await a.SendMessageAsync(SvgPayload);
        await a.GotoProfileAsync();
        await a.GetByLabel("Bio").FillAsync($"{ImgPayload} {LinkPayload} {SvgPayload}");
        await a.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(a.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved." })).ToBeVisibleAsync();

        await b.RegisterAsync(TestUser.Create("bob"));
        await b.ExpectShellAsync();
        await b.SearchServersAsync(serverName);
        var result = b.SearchResult(serverName);
        await Expect(result).ToContainTextAsync(description);
        await result.GetByRole(AriaRole.Button, new() { Name = $"Join {serverName}" }).ClickAsync();
        await Expect(b.ComposerBox()).ToBeEnabledAsync();
        await b.ChannelLink(channelName).ClickAsync();
        await Expect(b.MessageLog()).ToContainTextAsync(SvgPayload);

        // B sees every text as typed: topic, author, members, messages.
        await Expect(b.GetByRole(AriaRole.Heading, new() { Name = $"# {channelName}" })).ToBeVisibleAsync();
        await Expect(b.Locator(".topic")).ToHaveTextAsync($"{SvgPayload} {ImgPayload}");
        await Expect(b.Message(ImgPayload)).ToHaveCountAsync(1);
        await Expect(b.Message(SvgPayload)).ToHaveCountAsync(1);
        await Expect(b.MessageLog().Locator(".author").First).ToHaveTextAsync(ImgPayload);
        await Expect(b.MemberList()).ToContainTextAsync(ImgPayload);
        // The javascript: link keeps its text and loses its target.
        await Expect(b.MessageLog().Locator(".content").Filter(new() { HasTextRegex = new Regex(@"^\s*x\s*$") })).ToHaveCountAsync(1);
        await Expect(b.MessageLog().Locator("a[href^='javascript' i]")).ToHaveCountAsync(0);
        // None of the markup became an element anywhere on B's page or A's.
        foreach (var page in new[] { a, b })
        {
            await Expect(page.Locator("img[src='x'], img[onerror], svg[onload]")).ToHaveCountAsync(0);
        }

        // A's bio, read back after a reload, is the text that was typed.
        await a.ReloadAsync();
        await Expect(a.GetByLabel("Bio")).ToHaveValueAsync($"{ImgPayload} {LinkPayload} {SvgPayload}");
        Assert.True(dialogs.IsEmpty, "A dialog opened: " + string.Join(", ", dialogs));
        Assert.True(errorsA.IsEmpty && errorsB.IsEmpty, string.Join(Environment.NewLine, errorsA.Concat(errorsB)));
    }

    private static void Record(ConcurrentQueue<string> dialogs, IDialog dialog)
    {
        dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
        _ = dialog.DismissAsync();
    }
}
