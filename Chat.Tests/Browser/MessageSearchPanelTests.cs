using System.Text.RegularExpressions;
using Chat.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Searching a server's messages from the channel header, and opening a result at its message.</summary>
public sealed partial class MessageSearchPanelTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task Search_FromAnotherChannel_OpensTheFoundMessageHighlighted()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (ann, bob) = (users.PageA, users.PageB);
        await ann.SendMessageAsync("Rehearsal of the <b>canción</b> tonight");
        await ann.SendMessageAsync("Bring water");
        await ann.CreateChannelAsync("random");
        await ann.SendMessageAsync("Nothing to see here");
        await bob.ChannelLink("random").ClickAsync();
        await Expect(bob.Message("Nothing to see here")).ToBeVisibleAsync();

        // A bad filter is refused under the box, which keeps what was typed.
        var box = bob.GetByRole(AriaRole.Searchbox, new() { Name = "Search messages" });
        await box.FillAsync("cancion before:2026-99-99");
        await box.PressAsync("Enter");
        await Expect(bob.GetByRole(AriaRole.Alert).Filter(new() { HasText = "before:2026-99-99" })).ToBeVisibleAsync();
        await Expect(box).ToHaveValueAsync("cancion before:2026-99-99");

        // Without accents; the message's markup shows as text, the matched word marked.
        await box.FillAsync("CANCION");
        await box.PressAsync("Enter");
        var panel = bob.GetByRole(AriaRole.Region, new() { Name = "Results for “CANCION”" });
        var results = panel.GetByRole(AriaRole.List, new() { Name = "Search results" }).GetByRole(AriaRole.Listitem);
        await Expect(results).ToHaveCountAsync(1);
        await Expect(results.First).ToContainTextAsync("Rehearsal of the <b>canción</b> tonight");
        await Expect(results.First).ToContainTextAsync(users.A.DisplayName);
        await Expect(results.First).ToContainTextAsync("#general");
        await Expect(results.First.Locator("mark")).ToHaveTextAsync("canción");
        await Expect(results.First.Locator("b")).ToHaveCountAsync(0);

        // Escape closes the panel and gives the focus back to the box.
        await results.First.GetByRole(AriaRole.Link).FocusAsync();
        await bob.Keyboard.PressAsync("Escape");
        await Expect(panel).ToBeHiddenAsync();
        await Expect(box).ToBeFocusedAsync();

        await box.PressAsync("Enter");
        await results.First.GetByRole(AriaRole.Link).ClickAsync();

        await Expect(bob).ToHaveURLAsync(HighlightUrl());
        var highlighted = bob.MessageLog().Locator(".message.highlight");
        await Expect(highlighted).ToHaveCountAsync(1);
        await Expect(highlighted).ToContainTextAsync("Rehearsal of the <b>canción</b> tonight");
        await Expect(panel).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task Search_AtPhoneWidth_OpensFromAnIconAndFillsTheScreen()
    {
        // axe is injected by script evaluation, which the app's Content-Security-Policy refuses (as in AccessibilityScanTests).
        await using var users = await TwoUsers.InNewServerAsync(
            () => app.NewContextAsync(Screen.Phone, configure: o => o.BypassCSP = true));
        var (ann, bob) = (users.PageA, users.PageB);
        await ann.SendMessageAsync("El concierto es el sábado");
        await Expect(bob.Message("El concierto es el sábado")).ToBeVisibleAsync();

        var icon = bob.GetByRole(AriaRole.Button, new() { Name = "Search messages" });
        var box = bob.GetByRole(AriaRole.Searchbox, new() { Name = "Search messages" });
        await Expect(box).ToBeHiddenAsync();
        await icon.ClickAsync();
        await Expect(box).ToBeFocusedAsync();
        await box.PressAsync("Escape");
        await Expect(box).ToBeHiddenAsync();
        await Expect(icon).ToBeFocusedAsync();

        await icon.ClickAsync();
        await box.FillAsync("sabado");
        await box.PressAsync("Enter");
        var panel = bob.GetByRole(AriaRole.Region, new() { Name = "Results for “sabado”" });
        var result = panel.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "El concierto es el sábado" });
        await Expect(result).ToBeVisibleAsync();
        Assert.Equal(390, (await panel.BoundingBoxAsync())!.Width);
        var axe = await bob.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        // Its close button is not under the phone's bar (a tap on a covered button would never land).
        await panel.GetByRole(AriaRole.Button, new() { Name = "Close the search" }).TapAsync();
        await Expect(panel).ToBeHiddenAsync();
        await Expect(box).ToBeFocusedAsync();
        await box.PressAsync("Enter");

        await result.GetByRole(AriaRole.Link).TapAsync();

        await Expect(bob).ToHaveURLAsync(HighlightUrl());
        await Expect(panel).ToBeHiddenAsync();
        await Expect(bob.MessageLog().Locator(".message.highlight")).ToContainTextAsync("El concierto es el sábado");
    }

    [GeneratedRegex(@"/servers/\d+/channels/\d+\?message=\d+$")]
    private static partial Regex HighlightUrl();
}
