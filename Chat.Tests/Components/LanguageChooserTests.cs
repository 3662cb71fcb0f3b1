using Bunit;
using Chat.App.Components.Localization;
using Chat.App.Components.Pages;
using Chat.Domain.Users;
using Chat.Tests.Localization;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

/// <summary>The profile page's language setting, and the page's words in the reader's language.</summary>
public sealed class LanguageChooserTests : ChatComponentTests
{
    [Theory]
    [InlineData(LanguageChoice.Automatic, "auto")]
    [InlineData(LanguageChoice.Spanish, "es")]
    public async Task Render_ShowsTheStoredChoicePressed(LanguageChoice stored, string pressed)
    {
        var ana = await Database.CreateUserAsync("ana");
        await Profiles.SetLanguageAsync(ana.Id, stored);
        LogIn(ana);

        var chooser = Render<LanguageChooser>();

        chooser.WaitForAssertion(() => Assert.Equal(
            [pressed],
            chooser.FindAll("button[aria-pressed='true']").Select(b => b.GetAttribute("value"))));
        Assert.Equal("account/language", chooser.Find("form").GetAttribute("action"));
        Assert.Equal(["auto", "en", "es"], chooser.FindAll("button[name='language']").Select(b => b.GetAttribute("value")));
    }

    [Fact]
    public async Task Render_InSpanish_SaysSoInSpanish()
    {
        using var _ = new ReaderCulture("es");
        var ana = await Database.CreateUserAsync("ana");
        LogIn(ana);

        var chooser = Render<LanguageChooser>();

        chooser.WaitForAssertion(() => Assert.Equal("Idioma", chooser.Find("h2").TextContent));
        Assert.Equal("Automático (el idioma de tu navegador)", chooser.Find("button[value='auto']").TextContent);
    }

    [Fact]
    public async Task ProfileSave_InSpanish_ShowsTheDomainsRefusalInSpanish()
    {
        using var _ = new ReaderCulture("es");
        var ana = await Database.CreateUserAsync("ana");
        LogIn(ana);
        var page = Render<ProfilePage>();
        page.WaitForElement("#profile-display-name");

        // Only the domain refuses this one (the form checks lengths itself): its words come from DomainErrors.es.resx.
        page.Find("#profile-display-name").Change("\u202EecilA");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(
            "El nombre visible no puede contener caracteres invisibles o de control (tiene U+202E). Quítalo y vuelve a intentarlo.",
            page.Find("#profile-display-name").ParentElement!.QuerySelector(".validation-message")?.TextContent));
        Assert.Equal("ana", (await Profiles.GetAsync(ana.Id)).DisplayName);
    }
}
