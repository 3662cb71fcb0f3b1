using Bunit;
using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Users;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

/// <summary>The composer as a combobox: the list it draws and the state its attributes tell a screen reader.</summary>
public sealed class ComposerSuggestionsTests : ChatComponentTests
{
    private ChatUser ana = default!;
    private ChannelView general = default!;

    private async Task<IRenderedComponent<Composer>> ArrangeAsync()
    {
        ana = await Database.CreateUserAsync("ana");
        var bob = await Database.CreateUserAsync("bob");
        var bea = await Database.CreateUserAsync("bea");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(bob.Id, club.Id);
        await Communities.JoinAsync(bea.Id, club.Id);
        general = (await Channels.ListAsync(club.Id, ana.Id))[0];
        LogIn(ana);
        return Render<Composer>(ps => ps.Add(c => c.Channel, general));
    }

    [Fact]
    public async Task Closed_TheBoxIsACollapsedComboboxForAnEmptyListbox()
    {
        var composer = await ArrangeAsync();

        var box = composer.Find("textarea");
        var list = composer.Find("#composer-suggestions");

        Assert.Equal(("combobox", "false", "composer-suggestions", "list"),
            (box.GetAttribute("role"), box.GetAttribute("aria-expanded"), box.GetAttribute("aria-controls"), box.GetAttribute("aria-autocomplete")));
        Assert.False(box.HasAttribute("aria-activedescendant"));
        Assert.Equal("listbox", list.GetAttribute("role"));
        Assert.True(list.HasAttribute("hidden"));
        Assert.Empty(list.QuerySelectorAll("[role='option']"));
    }

    [Fact]
    public async Task TypingAt_OpensTheListWithTheFirstOptionActive_DownMovesIt()
    {
        var composer = await ArrangeAsync();

        await composer.InvokeAsync(() => composer.Instance.OnCaretAsync("hi @b", 5));
        var options = composer.FindAll("[role='option']");
        var expanded = composer.Find("textarea").GetAttribute("aria-expanded");
        var active = composer.Find("textarea").GetAttribute("aria-activedescendant");
        await composer.InvokeAsync(() => composer.Instance.MoveSuggestionAsync(1));

        Assert.Equal("true", expanded);
        Assert.Equal(["bea @bea", "bob @bob"], options.Select(o => $"{o.QuerySelector(".label")!.TextContent} {o.QuerySelector(".detail")!.TextContent}"));
        Assert.Equal(options[0].Id, active);
        Assert.Equal("true", options[0].GetAttribute("aria-selected"));
        Assert.Equal("composer-suggestions-1", composer.Find("textarea").GetAttribute("aria-activedescendant"));
        Assert.Equal("true", composer.Find("#composer-suggestions-1").GetAttribute("aria-selected"));
    }

    [Fact]
    public async Task ChooseSuggestion_ReturnsTheTextAndCaret_AndCloses()
    {
        var composer = await ArrangeAsync();
        await composer.InvokeAsync(() => composer.Instance.OnCaretAsync("hi @bo", 6));

        var chosen = await composer.InvokeAsync(() => composer.Instance.ChooseSuggestion("hi @bo", 6));

        Assert.Equal(new SuggestionChoice("hi @bob ", 8), chosen);
        Assert.Equal("false", composer.Find("textarea").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task ClickOnAnOption_PutsItsTextInTheBox()
    {
        var module = JSInterop.SetupModule("./js/suggestions.js");
        var composer = await ArrangeAsync();
        await composer.InvokeAsync(() => composer.Instance.OnCaretAsync("#ge", 3));

        await composer.Find("[role='option']").ClickAsync(new());

        var applied = module.VerifyInvoke("applySuggestion");
        Assert.Equal(["#general ", 9], applied.Arguments.Skip(1));
    }

    [Fact]
    public async Task Dismiss_ClosesAndKeepsClosedForTheSameWord()
    {
        var composer = await ArrangeAsync();
        await composer.InvokeAsync(() => composer.Instance.OnCaretAsync("hi @b", 5));

        await composer.InvokeAsync(composer.Instance.DismissSuggestionsAsync);
        await composer.InvokeAsync(() => composer.Instance.OnCaretAsync("hi @bo", 6));

        Assert.Equal("false", composer.Find("textarea").GetAttribute("aria-expanded"));
        Assert.Empty(composer.FindAll("[role='option']"));
    }
}
