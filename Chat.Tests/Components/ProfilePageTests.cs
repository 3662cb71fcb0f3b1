using AngleSharp.Dom;
using Bunit;
using Chat.App.Components.Pages;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;

namespace Chat.Tests.Components;

public sealed class ProfilePageTests : ChatComponentTests
{
    private ChatUser ana = default!;

    private async Task<IRenderedComponent<ProfilePage>> RenderAsAnaAsync()
    {
        ana = await Database.CreateUserAsync("ana");
        LogIn(ana);
        var page = Render<ProfilePage>();
        page.WaitForElement("#profile-display-name");
        return page;
    }

    [Fact]
    public async Task Save_DisplayNameOf33Characters_ShowsMessageNextToFieldAndStoresNothing()
    {
        var page = await RenderAsAnaAsync();

        page.Find("#profile-display-name").Change(new string('x', 33));
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("A display name is 1 to 32 characters.",
            MessageNextTo(page.Find("#profile-display-name"))));
        Assert.Empty(page.FindAll("[role='status']"));
        Assert.Equal("ana", (await Profiles.GetAsync(ana.Id)).DisplayName);
    }

    [Fact]
    public async Task Save_BioOf191Characters_ShowsMessageNextToFieldAndStoresNothing()
    {
        var page = await RenderAsAnaAsync();

        page.Find("#profile-bio").Change(new string('b', 191));
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("A bio is at most 190 characters.", MessageNextTo(page.Find("#profile-bio"))));
        Assert.Null((await Profiles.GetAsync(ana.Id)).Bio);
    }

    [Fact]
    public async Task Save_ValidNameAndBio_StoresThemAndSaysSaved()
    {
        var page = await RenderAsAnaAsync();

        page.Find("#profile-display-name").Change("  Ana Lovelace ");
        page.Find("#profile-bio").Change("Counts things.");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Saved.", page.Find("[role='status']").TextContent));
        var stored = await Profiles.GetAsync(ana.Id);
        Assert.Equal("Ana Lovelace", stored.DisplayName);
        Assert.Equal("Counts things.", stored.Bio);
        Assert.Equal("AL", page.Find(".preview .avatar").TextContent);
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>", "evil.png", "image/png")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "logo.svg", "image/svg+xml")]
    [InlineData("<html><body>not a picture</body></html>", "../x.png", "image/png")]
    public async Task UploadAvatar_NotAnImageWhateverItsNameOrType_IsRefusedNextToTheFieldAndStoresNothing(
        string content, string fileName, string contentType)
    {
        var page = await RenderAsAnaAsync();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(content, fileName, contentType: contentType));

        page.WaitForAssertion(() => Assert.Equal(
            "Choose a PNG, JPEG, GIF or WebP picture; other files (SVG, HTML, …) are refused.",
            MessageNextTo(page.Find("#profile-avatar"))));
        Assert.Equal(0, (await Profiles.GetAsync(ana.Id)).AvatarVersion);
        Assert.Null(await Profiles.GetAvatarAsync(ana.Id));
        Assert.Empty(page.FindAll(".preview img"));
    }

    [Fact]
    public async Task RemovePicture_WithAPicture_ShowsInitialsAgain()
    {
        ana = await Database.CreateUserAsync("ana");
        await Profiles.SetAvatarAsync(ana.Id, TestImages.Png(4, 4));
        LogIn(ana);
        var page = Render<ProfilePage>();
        page.WaitForElement(".preview img");

        page.Find("button:not([type='submit'])").Click();

        page.WaitForAssertion(() => Assert.Equal("A", page.Find(".preview span.avatar").TextContent));
        Assert.Equal("Picture removed.", page.Find("[role='status']").TextContent);
        Assert.Null(await Profiles.GetAvatarAsync(ana.Id));
    }

    private static string? MessageNextTo(IElement input) =>
        input.ParentElement!.QuerySelector(".validation-message")?.TextContent;
}
