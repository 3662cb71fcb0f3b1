using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>
/// Display names are not unique: a newcomer may call themselves "Alice" like the owner. The @username, which is
/// unique, is what tells them apart, in the member list and beside the author of a message.
/// </summary>
public sealed class SameNameTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task TwoUsersNamedAlice_MemberListAndMessageHeaders_ShowEachOnesUsername()
    {
        await using var contextA = await app.NewContextAsync();
        await using var contextB = await app.NewContextAsync();
        var (owner, copycat) = (TestUser.Create("ann") with { DisplayName = "Alice" }, TestUser.Create("eve") with { DisplayName = "Alice" });
        var a = await contextA.NewPageAsync();
        var b = await contextB.NewPageAsync();
        var serverName = TwoUsers.UniqueServerName("Crew");
        await Task.WhenAll(RegisterAsync(a, owner), RegisterAsync(b, copycat));
        await a.CreateServerAsync(serverName);
        await b.JoinServerAsync(serverName);
        await a.SendMessageAsync("I am the owner");
        await b.SendMessageAsync("Me too, trust me");

        var rows = a.MemberList().GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Alice" });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = $"@{owner.UserName}" }).Locator(".member-username")).ToBeVisibleAsync();
        await Expect(rows.Filter(new() { HasText = $"@{copycat.UserName}" }).Locator(".member-username")).ToBeVisibleAsync();

        foreach (var (text, user) in new[] { ("I am the owner", owner), ("Me too, trust me", copycat) })
        {
            var message = a.Message(text);
            var author = message.Locator(".author");
            await Expect(author).ToHaveTextAsync("Alice");
            await Expect(author).ToHaveAttributeAsync("title", $"@{user.UserName}");
            await a.Mouse.MoveAsync(0, 0);
            Assert.Equal("none", await UsernameShownAsync(author));

            await message.HoverAsync();

            // Drawn beside the name, with an empty alternative text, so the button's accessible name stays "Alice".
            Assert.Equal($"\" @{user.UserName}\" / \"\"", await UsernameShownAsync(author));
            await Expect(message.GetByRole(AriaRole.Button, new() { Name = "Alice", Exact = true })).ToBeVisibleAsync();
        }
    }

    // The @username beside the name is the author's ::after content, drawn from its title.
    private static Task<string> UsernameShownAsync(ILocator author) =>
        author.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");

    private static async Task RegisterAsync(IPage page, TestUser user)
    {
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();
    }
}
