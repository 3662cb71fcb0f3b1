using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Profiles;
using Chat.Domain.Text;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

/// <summary>
/// Names and texts that others read cannot hide characters: a right-to-left override that shows "ecilA" as
/// "Alice", zero-width spaces that show a blank author, or a name with nothing to read in it.
/// </summary>
public sealed class VisibleTextTests
{
    /// <summary>Impersonating or blank names: refused as display, server and channel names.</summary>
    private static readonly string[] InvisibleOrLetterless =
    [
        "\u202EecilA",          // right-to-left override: shows "Alice"
        "\u200B\u200B",         // zero-width spaces: a blank name
        "Ali\u200Dce",          // zero-width joiner between letters
        "Al\u2060ice",          // word joiner
        "\uFEFFAlice",          // byte order mark
        "Ali\u200Fce",          // right-to-left mark
        "Alice\u2028Admin",     // line separator
        "\u3164\u3164",         // Hangul fillers: blank "letters"
        "Alice\u0007",          // a control character
        "!!!",                  // nothing but punctuation
        "🎉🎉",                 // nothing but symbols
    ];

    public static TheoryData<string> InvisibleOrLetterlessNames => new(InvisibleOrLetterless);

    [Theory]
    [MemberData(nameof(InvisibleOrLetterlessNames))]
    public void NameProblem_InvisibleCharacterOrNoLetterOrDigit_IsExplained(string name)
    {
        var problem = VisibleText.NameProblem(name, TextSubject.DisplayName);

        Assert.NotNull(problem);
        Assert.Equal(TextSubject.DisplayName, problem.Arguments[0]);
    }

    [Theory]
    [InlineData("Alice")]
    [InlineData("M")]
    [InlineData("7")]
    [InlineData("Zoë Ørsted")]
    [InlineData("أليس")]
    [InlineData("Ana 👩‍💻")]          // a zero-width joiner inside an emoji sequence
    [InlineData("🏳️‍🌈 Pride")]
    [InlineData("Ana 🧑🏽‍🚀")]
    public void NameProblem_OrdinaryNameWithLetterOrDigit_IsNone(string name)
    {
        Assert.Null(VisibleText.NameProblem(name, TextSubject.DisplayName));
    }

    [Fact]
    public void TextProblem_LineBreaksOnlyInMultilineText_OtherInvisibleCharactersNever()
    {
        Assert.Null(VisibleText.TextProblem("Reads a lot.\r\nWrites\tsome.", multiline: true, TextSubject.Bio));
        Assert.NotNull(VisibleText.TextProblem("Reads a lot.\nWrites some.", multiline: false, TextSubject.Topic));
        Assert.NotNull(VisibleText.TextProblem("Reads \u202Ea lot.", multiline: true, TextSubject.Bio));
        // Half of a character (a lone surrogate; not in the theory data, whose serialization would replace it).
        Assert.NotNull(VisibleText.TextProblem("\uD800ice", multiline: true, TextSubject.Bio));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ProfileUpdateAsync_InvisibleOrLetterlessNameOrInvisibleBio_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var profiles = db.Get<ProfileService>();
        await profiles.UpdateAsync(user.Id, "Mia", "Bio");
        var before = await profiles.GetAsync(user.Id);

        foreach (var name in InvisibleOrLetterless)
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => profiles.UpdateAsync(user.Id, name, "Bio"));
            Assert.Equal("displayName", refused.Field);
        }

        foreach (var bio in new[] { "\u202EecilA", "\u200B\u200B", "Reads\u2060 a lot" })
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => profiles.UpdateAsync(user.Id, "Mia", bio));
            Assert.Equal("bio", refused.Field);
        }

        Assert.Equal(before, await profiles.GetAsync(user.Id));
        await profiles.UpdateAsync(user.Id, "Mia 👩‍💻", "Reads a lot.\nWrites some.");
        var after = await profiles.GetAsync(user.Id);
        Assert.Equal(("Mia 👩‍💻", "Reads a lot.\nWrites some."), (after.DisplayName, after.Bio));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task CommunityCreateAndUpdate_InvisibleOrLetterlessNameOrInvisibleDescription_IsRefusedAndStoresNothing(
        DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var communities = db.Get<CommunityService>();
        var before = await DatabaseSnapshot.TakeAsync(db);

        foreach (var name in InvisibleOrLetterless)
        {
            var created = await Assert.ThrowsAsync<ValidationException>(() => communities.CreateAsync(cast.Owner.Id, name, null, isPublic: true));
            var updated = await Assert.ThrowsAsync<ValidationException>(() => communities.UpdateAsync(cast.Owner.Id, cast.CommunityId, name, null, false));
            Assert.Equal(("name", "name"), (created.Field, updated.Field));
        }

        foreach (var description in new[] { "\u202EecilA", "\u200B\u200B" })
        {
            var created = await Assert.ThrowsAsync<ValidationException>(() => communities.CreateAsync(cast.Owner.Id, "Crew", description, isPublic: true));
            var updated = await Assert.ThrowsAsync<ValidationException>(() => communities.UpdateAsync(cast.Owner.Id, cast.CommunityId, "Crew", description, false));
            Assert.Equal(("description", "description"), (created.Field, updated.Field));
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "every name and description was refused");
        var ok = await communities.CreateAsync(cast.Owner.Id, "Crew 🏳️‍🌈", "Line one\nLine two", isPublic: true);
        Assert.Equal("Line one\nLine two", (await communities.GetAsync(ok.Id, cast.Owner.Id)).Description);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ChannelCreateAndUpdate_InvisibleOrLetterlessNameOrInvisibleTopic_IsRefusedAndStoresNothing(
        DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();
        var before = await DatabaseSnapshot.TakeAsync(db);

        // Channel names fold whitespace and line separators into dashes and drop control characters, as before.
        foreach (var name in InvisibleOrLetterless.Where(n => !n.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))))
        {
            var created = await Assert.ThrowsAsync<ValidationException>(() => channels.CreateAsync(cast.Owner.Id, cast.CommunityId, name));
            var updated = await Assert.ThrowsAsync<ValidationException>(() => channels.UpdateAsync(cast.Owner.Id, cast.ChannelId, name, null));
            Assert.Equal(("name", "name"), (created.Field, updated.Field));
        }

        foreach (var topic in new[] { "\u202EecilA", "\u200B\u200B", "Two\nlines" })
        {
            var created = await Assert.ThrowsAsync<ValidationException>(() => channels.CreateAsync(cast.Owner.Id, cast.CommunityId, "crew", topic));
            var updated = await Assert.ThrowsAsync<ValidationException>(() => channels.UpdateAsync(cast.Owner.Id, cast.ChannelId, "crew", topic));
            Assert.Equal(("topic", "topic"), (created.Field, updated.Field));
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "every name and topic was refused");
    }
}
