using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Messages;

namespace Chat.Tests.Components;

/// <summary>The composer's suggestions without a page: when a list opens, what it holds, and what a choice writes.</summary>
public sealed class ComposerAutocompleteTests
{
    private static readonly MemberView Ana = new("u-ana", "ana", "Ana Núñez", MemberRole.Owner);
    private static readonly MemberView Jose = new("u-jose", "jperez", "José Pérez", MemberRole.Admin);
    private static readonly MemberView Bob = new("u-bob", "bob_r", "Bob Reyes", MemberRole.Member);
    private static readonly MemberView Nuria = new("u-nuria", "nuria", "Nuria", MemberRole.Member);

    private static readonly AutocompleteSources Sources = new(
        [Ana, Jose, Bob, Nuria],
        [new ChannelView(1, 7, "general", null), new ChannelView(2, 7, "canción", "Songs"), new ChannelView(3, 7, "random", null)],
        MayMentionEveryone: false);

    [Theory]
    [InlineData("@", 1, '@', 0, "")]
    [InlineData("hi @an", 6, '@', 3, "an")]
    [InlineData("hi @an there", 6, '@', 3, "an")]
    [InlineData("(#gen", 5, '#', 1, "gen")]
    [InlineData("line\n#ra", 8, '#', 5, "ra")]
    [InlineData("nice :th", 8, ':', 5, "th")]
    [InlineData("@José", 5, '@', 0, "José")]
    public void Find_AWordStartingWithASymbol_IsATrigger(string text, int caret, char symbol, int start, string query)
    {
        var trigger = AutocompleteTrigger.Find(text, caret);

        Assert.NotNull(trigger);
        Assert.Equal((symbol, start, query), (trigger.Symbol, trigger.Start, trigger.Query));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("hello", 5)]
    [InlineData("mail@example.com", 16)]
    [InlineData("issue#4", 7)]
    [InlineData("at 12:30", 8)]
    [InlineData("ok :t", 5)]
    [InlineData("smile :)", 8)]
    [InlineData(":smile:", 7)]
    [InlineData("@ana done", 9)]
    [InlineData("@ana ", 5)]
    [InlineData("@ana", 9)]
    public void Find_NoSymbolAtTheStartOfTheCaretsWord_IsNone(string text, int caret)
    {
        Assert.Null(AutocompleteTrigger.Find(text, caret));
    }

    [Fact]
    public void Update_At_ListsTheOtherMembers_NotTheWriter()
    {
        var list = new ComposerAutocomplete();

        var changed = list.Update("@", 1, Sources, selfUserId: Ana.UserId);

        Assert.True(changed);
        Assert.True(list.IsOpen);
        Assert.Equal(["Bob Reyes", "José Pérez", "Nuria"], list.Items.Select(i => i.Label));
        Assert.Equal("@bob_r", list.Items[0].Detail);
        Assert.All(list.Items, i => Assert.Equal(SuggestionKind.Member, i.Kind));
    }

    [Theory]
    [InlineData("@jpe", "José Pérez")]
    [InlineData("@JOSE", "José Pérez")]
    [InlineData("@pérez", "José Pérez")]
    [InlineData("@perez", "José Pérez")]
    [InlineData("@nun", "Ana Núñez")]
    [InlineData("@BOB_", "Bob Reyes")]
    public void Update_At_FiltersByUserNameOrDisplayName_CaseAndAccentsAside(string text, string expected)
    {
        var list = new ComposerAutocomplete();

        list.Update(text, text.Length, Sources, selfUserId: "someone else");

        Assert.Equal(expected, Assert.Single(list.Items).Label);
    }

    [Fact]
    public void Update_At_NamesStartingWithTheQueryComeFirst()
    {
        var list = new ComposerAutocomplete();

        // "nu": Nuria starts with it, Ana Núñez has a word starting with it.
        list.Update("@nu", 3, Sources, selfUserId: null);

        Assert.Equal(["Nuria", "Ana Núñez"], list.Items.Select(i => i.Label));
    }

    [Fact]
    public void Update_At_ShowsAtMostEight()
    {
        var many = Enumerable.Range(1, 20).Select(i => new MemberView($"u{i}", $"user{i:D2}", $"User {i:D2}", MemberRole.Member)).ToList();
        var list = new ComposerAutocomplete();

        list.Update("@user", 5, Sources with { Members = many }, selfUserId: null);

        Assert.Equal(ComposerAutocomplete.MaxSuggestions, list.Items.Count);
        Assert.Equal(8, ComposerAutocomplete.MaxSuggestions);
        Assert.Equal("User 01", list.Items[0].Label);
    }

    [Fact]
    public void Update_At_EveryoneOnlyWhenTheDomainAllowsIt()
    {
        var member = new ComposerAutocomplete();
        var admin = new ComposerAutocomplete();

        member.Update("@ev", 3, Sources, selfUserId: Bob.UserId);
        admin.Update("@ev", 3, Sources with { MayMentionEveryone = true }, selfUserId: Jose.UserId);

        Assert.False(member.IsOpen);
        var everyone = Assert.Single(admin.Items);
        Assert.Equal((SuggestionKind.Everyone, "@everyone", "everyone"), (everyone.Kind, everyone.Insert, everyone.Label));
    }

    [Fact]
    public void Update_Hash_ListsChannelsByName_AccentsAside()
    {
        var list = new ComposerAutocomplete();

        list.Update("#", 1, Sources, selfUserId: null);
        var all = list.Items.Select(i => i.Insert).ToList();
        list.Update("#cancion", 8, Sources, selfUserId: null);

        Assert.Equal(["#general", "#canción", "#random"], all);
        var found = Assert.Single(list.Items);
        Assert.Equal(("#canción", "canción", "Songs"), (found.Insert, found.Label, found.Detail));
    }

    [Fact]
    public void Update_Colon_ListsEmojiByShortName_PrefixFirst()
    {
        var list = new ComposerAutocomplete();

        list.Update("so :Heart", 9, AutocompleteSources.Empty, selfUserId: null);

        Assert.Equal(ComposerAutocomplete.MaxSuggestions, list.Items.Count);
        Assert.Equal([":heart:", ":heart_eyes:", ":heart_eyes_cat:"], list.Items.Take(3).Select(i => i.Label));
        Assert.Equal("\u2764\uFE0F", list.Items[0].Insert);
        Assert.All(list.Items, i => Assert.Contains("heart", i.Label, StringComparison.Ordinal));
    }

    [Fact]
    public void Update_ColonAndOneLetter_StaysClosed()
    {
        var list = new ComposerAutocomplete();

        list.Update("so :h", 5, AutocompleteSources.Empty, selfUserId: null);

        Assert.False(list.IsOpen);
    }

    [Fact]
    public void Move_GoesRoundAtEitherEnd()
    {
        var list = new ComposerAutocomplete();
        list.Update("#", 1, Sources, selfUserId: null);

        list.Move(-1);
        var fromTop = list.Active;
        list.Move(1);
        list.Move(1);

        Assert.Equal(2, fromTop);
        Assert.Equal(1, list.Active);
    }

    [Fact]
    public void Update_NarrowingTheList_StartsAtTheFirstEntryAgain()
    {
        var list = new ComposerAutocomplete();
        list.Update("@", 1, Sources, selfUserId: null);
        list.Move(2);

        list.Update("@n", 2, Sources, selfUserId: null);

        Assert.Equal(0, list.Active);
    }

    [Fact]
    public void Choose_Member_ReplacesTheWordWithTheUserNameAndASpace()
    {
        var list = new ComposerAutocomplete();
        const string text = "thanks @jos";
        list.Update(text, text.Length, Sources, selfUserId: null);

        var chosen = list.Choose(text);

        Assert.Equal(("thanks @jperez ", 15), chosen);
        Assert.False(list.IsOpen);
    }

    [Fact]
    public void Choose_InTheMiddleOfText_ReplacesTheWholeWordAndKeepsTheRest()
    {
        var list = new ComposerAutocomplete();
        const string text = "ask @bo about it";
        list.Update(text, 6, Sources, selfUserId: null);

        var chosen = list.Choose(text);

        // The space that followed is kept, not doubled; the caret goes past it.
        Assert.Equal(("ask @bob_r about it", 11), chosen);
    }

    [Fact]
    public void Choose_ActiveEntry_IsTheOneMovedTo()
    {
        var list = new ComposerAutocomplete();
        list.Update("#", 1, Sources, selfUserId: null);
        list.Move(1);

        Assert.Equal(("#canción ", 9), list.Choose("#"));
    }

    [Fact]
    public void Choose_ByIndex_TakesThatEntry()
    {
        var list = new ComposerAutocomplete();
        list.Update("go #", 4, Sources, selfUserId: null);

        Assert.Equal(("go #random ", 11), list.Choose("go #", index: 2));
    }

    [Fact]
    public void Choose_Emoji_InsertsTheCharacterWithoutTheShortName()
    {
        var list = new ComposerAutocomplete();
        list.Update("party :tad", 10, AutocompleteSources.Empty, selfUserId: null);

        Assert.Equal(("party \U0001F389", 8), list.Choose("party :tad"));
    }

    [Fact]
    public void Choose_WhenClosed_ChangesNothing()
    {
        var list = new ComposerAutocomplete();
        list.Update("plain", 5, Sources, selfUserId: null);

        Assert.Null(list.Choose("plain"));
    }

    [Fact]
    public void Dismiss_ClosesAndTheSameWordDoesNotReopen_ANewOneDoes()
    {
        var list = new ComposerAutocomplete();
        list.Update("@bo", 3, Sources, selfUserId: null);

        list.Dismiss();
        var closed = list.IsOpen;
        list.Update("@bob", 4, Sources, selfUserId: null);
        var sameWord = list.IsOpen;
        list.Update("@bob #", 6, Sources, selfUserId: null);

        Assert.False(closed);
        Assert.False(sameWord);
        Assert.True(list.IsOpen);
    }
}
