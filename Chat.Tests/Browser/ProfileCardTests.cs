using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Profile cards between two members of a server: a name or picture opens the other's card with their names, bio and
/// role in the server; Escape or Close shuts it and the focus goes back to the name that opened it.
/// </summary>
public sealed class ProfileCardTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string BobsBio = "Plays the cello on Sundays.";

    [BrowserFact]
    public async Task AuthorName_Clicked_ShowsTheirCardAndEscapeGivesTheFocusBack()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (a, b) = (users.PageA, users.PageB);
        var errors = ChromiumFixture.CollectConsoleErrors(users.ContextA);
        await b.SendMessageAsync("Hello, I am Bob");
        await SetBioAsync(b, BobsBio);
        var message = a.Message("Hello, I am Bob");
        var name = message.GetByRole(AriaRole.Button, new() { Name = users.B.DisplayName, Exact = true });

        await name.ClickAsync();

        var card = a.GetByRole(AriaRole.Dialog, new() { Name = users.B.DisplayName });
        await ExpectCardAsync(card, users.B, "Member", BobsBio);
        await Expect(card.Locator(":focus")).ToHaveCountAsync(1);
        // No direct messages yet: the card offers no "Message" button until they fill its slot.
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Message", Exact = true })).ToHaveCountAsync(0);
        await a.Keyboard.PressAsync("Escape");
        await Expect(card).ToHaveCountAsync(0);
        await Expect(name).ToBeFocusedAsync();

        // From the keyboard too: Enter on the focused name opens the card again.
        await name.PressAsync("Enter");
        await ExpectCardAsync(card, users.B, "Member", BobsBio);
        await a.Keyboard.PressAsync("Escape");
        await Expect(card).ToHaveCountAsync(0);
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    [BrowserFact]
    public async Task AuthorPictureAndMemberList_Clicked_ShowTheOwnersAndTheMembersCards()
    {
        await using var users = await TwoUsers.InNewServerAsync(app);
        var (a, b) = (users.PageA, users.PageB);
        await a.SendMessageAsync("Welcome, Bob");
        var message = b.Message("Welcome, Bob");

        // The picture hands its click to the name, which then holds the focus for when the card closes.
        await message.Locator(".message-header > .avatar").ClickAsync();

        var ownerCard = b.GetByRole(AriaRole.Dialog, new() { Name = users.A.DisplayName });
        await ExpectCardAsync(ownerCard, users.A, "Owner", "No bio yet.");
        await ownerCard.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(ownerCard).ToHaveCountAsync(0);
        await Expect(message.GetByRole(AriaRole.Button, new() { Name = users.A.DisplayName, Exact = true })).ToBeFocusedAsync();

        // The member list's names open the same card.
        var inList = a.MemberList().GetByRole(AriaRole.Button, new() { Name = users.B.DisplayName, Exact = true });
        await inList.ClickAsync();
        var memberCard = a.GetByRole(AriaRole.Dialog, new() { Name = users.B.DisplayName });
        await ExpectCardAsync(memberCard, users.B, "Member", "No bio yet.");
        await a.Keyboard.PressAsync("Escape");
        await Expect(memberCard).ToHaveCountAsync(0);
        await Expect(inList).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task AuthorName_TappedOnAPhone_ShowsTheCardWithinTheScreen()
    {
        await using var users = await TwoUsers.InNewServerAsync(app, Screen.Phone);
        var (a, b) = (users.PageA, users.PageB);
        await b.SendMessageAsync("Hello from a phone");
        await SetBioAsync(b, BobsBio);
        var message = a.Message("Hello from a phone");
        var name = message.GetByRole(AriaRole.Button, new() { Name = users.B.DisplayName, Exact = true });

        await name.TapAsync();

        var card = a.GetByRole(AriaRole.Dialog, new() { Name = users.B.DisplayName });
        await ExpectCardAsync(card, users.B, "Member", BobsBio);
        var box = await card.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.InRange(box.X, 0, Screen.Phone.Width);
        Assert.InRange(box.X + box.Width, 0, Screen.Phone.Width);
        Assert.InRange(box.Y + box.Height, 0, Screen.Phone.Height);
        // Without a keyboard, Close does what Escape does.
        await card.GetByRole(AriaRole.Button, new() { Name = "Close" }).TapAsync();
        await Expect(card).ToHaveCountAsync(0);
        await Expect(name).ToBeFocusedAsync();
    }

    private static async Task ExpectCardAsync(ILocator card, TestUser user, string role, string bio)
    {
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.GetByTestId("card-display-name")).ToHaveTextAsync(user.DisplayName);
        await Expect(card.GetByTestId("card-user-name")).ToHaveTextAsync($"@{user.UserName}");
        await Expect(card.GetByTestId("card-role")).ToHaveTextAsync(role);
        await Expect(card.GetByTestId("card-bio")).ToHaveTextAsync(bio);
    }

    // Through the profile page, as the person would, once its live circuit runs (Save is enabled then).
    private static async Task SetBioAsync(IPage page, string bio)
    {
        await page.GotoAsync("profile");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });
        await Expect(save).ToBeEnabledAsync();
        await page.GetByLabel("Bio", new() { Exact = true }).FillAsync(bio);
        await save.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
    }
}
