using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Profiles;
using Chat.Domain.Realtime;
using Chat.Domain.Users;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

public sealed class ProfileTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UpdateAsync_ValidNameAndBio_StoresThemTrimmed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var profiles = db.Get<ProfileService>();

        await profiles.UpdateAsync(user.Id, "  Mia Wallace  ", "  Reads a lot.  ");

        Assert.Equal(
            new ProfileView(user.Id, "mia", "Mia Wallace", "Reads a lot.", "mia@example.test", 0),
            await profiles.GetAsync(user.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UpdateAsync_LongestAllowedAndBlankBio_AreAccepted(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var profiles = db.Get<ProfileService>();
        var name = new string('n', ChatUser.DisplayNameMaxLength);

        await profiles.UpdateAsync(user.Id, name, new string('b', ChatUser.BioMaxLength));
        var withBio = await profiles.GetAsync(user.Id);
        await profiles.UpdateAsync(user.Id, "M", "   ");

        Assert.Equal((name, ChatUser.BioMaxLength), (withBio.DisplayName, withBio.Bio!.Length));
        var cleared = await profiles.GetAsync(user.Id);
        Assert.Equal(("M", null), (cleared.DisplayName, cleared.Bio));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UpdateAsync_InvalidNameOrBio_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var profiles = db.Get<ProfileService>();
        await profiles.UpdateAsync(user.Id, "Mia", "Bio");
        (string Name, string? Bio, string Field)[] invalid =
        [
            ("", null, "displayName"),
            ("   ", "Bio", "displayName"),
            (new string('n', ChatUser.DisplayNameMaxLength + 1), "Bio", "displayName"),
            ("Mia", new string('b', ChatUser.BioMaxLength + 1), "bio"),
        ];

        foreach (var (name, bio, field) in invalid)
        {
            var refused = await Assert.ThrowsAsync<ValidationException>(() => profiles.UpdateAsync(user.Id, name, bio));
            Assert.Equal(field, refused.Field);
        }

        Assert.Equal(new ProfileView(user.Id, "mia", "Mia", "Bio", "mia@example.test", 0), await profiles.GetAsync(user.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task Profile_Anonymous_IsForbidden(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var profiles = db.Get<ProfileService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.GetAsync(null));
        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.UpdateAsync(null, "Name", null));
        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.UpdateAsync("no-such-user", "Name", null));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task UpdateAsync_PublishesUserProfileChangedToEachOfTheUsersServers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var other = await db.Get<CommunityService>().CreateAsync(cast.Member.Id, "Chess", null, isPublic: false);
        var hub = db.Get<ChatHub>();
        using var bookClub = new EventRecorder(hub, Topics.Community(cast.CommunityId));
        using var chess = new EventRecorder(hub, Topics.Community(other.Id));

        await db.Get<ProfileService>().UpdateAsync(cast.Member.Id, "Mia W.", null);

        Assert.Equal(
            new UserProfileChanged(cast.CommunityId, cast.Member.Id, "Mia W.", 0),
            Assert.Single(bookClub.Of<UserProfileChanged>()));
        Assert.Equal(new UserProfileChanged(other.Id, cast.Member.Id, "Mia W.", 0), Assert.Single(chess.Of<UserProfileChanged>()));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetThemeAsync_KnownChoice_IsStoredAndAnUndefinedOneRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var profiles = db.Get<ProfileService>();

        await profiles.SetThemeAsync(user.Id, ThemeChoice.System);
        await Assert.ThrowsAsync<ValidationException>(() => profiles.SetThemeAsync(user.Id, (ThemeChoice)7));
        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.SetThemeAsync(null, ThemeChoice.Light));

        await using var context = await db.CreateContextAsync();
        Assert.Equal(ThemeChoice.System, context.Users.Single(u => u.Id == user.Id).Theme);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetLanguageAsync_KnownChoice_IsStoredAndAnUndefinedOneRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var user = await db.CreateUserAsync("mia");
        var profiles = db.Get<ProfileService>();
        var before = await profiles.GetLanguageAsync(user.Id);

        await profiles.SetLanguageAsync(user.Id, LanguageChoice.Spanish);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => profiles.SetLanguageAsync(user.Id, (LanguageChoice)7));

        Assert.Equal(LanguageChoice.Automatic, before);
        Assert.Equal((nameof(DomainErrors.LanguageUnknown), "language"), (refused.Code, refused.Field));
        Assert.Equal(LanguageChoice.Spanish, await profiles.GetLanguageAsync(user.Id));
        await using var context = await db.CreateContextAsync();
        Assert.Equal(LanguageChoice.Spanish, context.Users.Single(u => u.Id == user.Id).Language);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetLanguageAsync_ByEachActor_AnyoneLoggedInSetsTheirOwnAnonymousIsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var profiles = db.Get<ProfileService>();

        // The setting is the user's own: their role in any server does not matter, and nobody else's changes.
        await cast.ExpectAsync(
            Cast.Matrix(owner: Outcome.Allowed, admin: Outcome.Allowed, member: Outcome.Allowed, nonMember: Outcome.Allowed,
                anonymous: Outcome.Forbidden),
            (_, userId) => profiles.SetLanguageAsync(userId, LanguageChoice.English));

        // Each actor's own row, and only theirs: the anonymous attempt changed nobody.
        await using var context = await db.CreateContextAsync();
        Assert.All(Cast.Members.Append(Actor.NonMember), actor =>
            Assert.Equal(LanguageChoice.English, context.Users.Single(u => u.Id == cast.IdOf(actor)).Language));
        Assert.Equal(4, context.Users.Count(u => u.Language == LanguageChoice.English));

        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.SetLanguageAsync("no-such-user", LanguageChoice.Spanish));
        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.GetLanguageAsync(null));
    }
}
