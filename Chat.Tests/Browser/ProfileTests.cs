using System.Text.RegularExpressions;
using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Two users in one server: what one changes on the profile page, the other sees without reloading.</summary>
public sealed partial class ProfileTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task NewPictureAndName_OfAnAuthor_ShowUpLiveForAnotherMember()
    {
        await using var contextA = await app.NewContextAsync();
        await using var contextB = await app.NewContextAsync();
        var errors = ChromiumFixture.CollectConsoleErrors(contextA);
        var a = await contextA.NewPageAsync();
        var b = await contextB.NewPageAsync();
        var serverName = $"Crew {Guid.NewGuid():N}"[..13];
        await a.RegisterAsync(TestUser.Create("ada"));
        await a.ExpectShellAsync();
        await a.CreateServerAsync(serverName);
        await a.SendMessageAsync("Hello from Ada");
        await Expect(a.MessageLog()).ToContainTextAsync("Hello from Ada");
        await b.RegisterAsync(TestUser.Create("bob"));
        await b.ExpectShellAsync();
        await b.JoinServerAsync(serverName);
        await Expect(b.MessageLog()).ToContainTextAsync("Hello from Ada");

        await OpenProfileAsync(a);
        await a.GetByLabel("Choose a picture").SetInputFilesAsync(new FilePayload
        {
            Name = "ada.png",
            MimeType = "image/png",
            Buffer = TestImages.Png(300, 200),
        });

        await Expect(a.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your new picture is saved.");
        var source = await a.Locator(".preview img.avatar").GetAttributeAsync("src");
        var adaId = AvatarUrl().Match(source ?? "").Groups["user"].Value;
        Assert.NotEqual("", adaId);
        // The browser shrank the 300 × 200 picture to fit 256 × 256 before it was sent.
        await Expect(a.Locator(".preview img.avatar")).ToHaveJSPropertyAsync("naturalWidth", 256);
        var picture = b.MessageLog().Locator($"img.avatar[src^='avatars/{adaId}/']");
        await Expect(picture).ToBeVisibleAsync();
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", 256);
        await Expect(b.GetByRole(AriaRole.Complementary, new() { Name = "Members" })
            .Locator($"img.avatar[src^='avatars/{adaId}/']")).ToBeVisibleAsync();

        await a.GetByLabel("Display name").FillAsync("Ada Renamed");
        await a.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(a.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Expect(b.MessageLog().Locator(".author")).ToHaveTextAsync("Ada Renamed");
        await Expect(b.GetByRole(AriaRole.Complementary, new() { Name = "Members" })).ToContainTextAsync("Ada Renamed");
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    [BrowserFact]
    public async Task UploadPicture_HtmlFileCalledPng_IsRefusedNextToTheField()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RegisterAsync(TestUser.Create());
        await page.ExpectShellAsync();
        await OpenProfileAsync(page);

        await page.GetByLabel("Choose a picture").SetInputFilesAsync(new FilePayload
        {
            Name = "cat.png",
            MimeType = "image/png",
            Buffer = "<html><body><script>alert(1)</script></body></html>"u8.ToArray(),
        });

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "PNG, JPEG, GIF or WebP" }))
            .ToHaveTextAsync("Choose a PNG, JPEG, GIF or WebP picture; other files (SVG, HTML, …) are refused.");
        await Expect(page.Locator(".preview span.avatar")).ToBeVisibleAsync();
        await Expect(page.Locator(".preview img")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task UserPanel_LinksToTheProfilePage()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var user = TestUser.Create();
        await page.RegisterAsync(user);
        await page.ExpectShellAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = user.DisplayName }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your profile" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Display name")).ToHaveValueAsync(user.DisplayName);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change email or password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email and password" })).ToBeVisibleAsync();
    }

    private static async Task OpenProfileAsync(IPage page)
    {
        await page.GotoAsync("profile");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your profile" })).ToBeVisibleAsync();
        // The controls are enabled once the live circuit runs. The picture field listens for a chosen file only
        // once Blazor's InputFile script has set it up (it numbers the files from 0), a moment after the render
        // that enabled it: a file set before that went unnoticed in a full CI run. No person chooses a file so fast.
        var picture = page.GetByLabel("Choose a picture");
        await Expect(picture).ToBeEnabledAsync();
        await Expect(picture).ToHaveJSPropertyAsync("_blazorInputFileNextFileId", 0);
    }

    [GeneratedRegex("^avatars/(?<user>[^/]+)/[0-9]+$")]
    private static partial Regex AvatarUrl();
}
