using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Text;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Domain;

/// <summary>
/// Names are found whatever the accents and the case of the query, on every database (SQLite's lower() folds
/// only ASCII), and shown sorted as a Spanish reader expects.
/// </summary>
public sealed class AccentInsensitiveSearchTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_WithoutAccentsOrInCapitals_FindsTheAccentedName(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        var song = await communities.CreateAsync(ana.Id, "Canción de cuna", null, isPublic: true);
        var nino = await communities.CreateAsync(ana.Id, "El Niño y Él", null, isPublic: true);
        await communities.CreateAsync(ana.Id, "Cancelados", null, isPublic: true);

        foreach (var query in new[] { "cancion", "CANCIÓN", "Canción", "canción de", "CANCION DE CUNA" })
        {
            var page = await communities.SearchAsync(ana.Id, query);

            Assert.True(page.Items.Select(r => r.Id).SequenceEqual([song.Id]),
                $"\"{query}\" found {string.Join(", ", page.Items.Select(r => r.Name))}");
        }

        Assert.Equal([nino.Id], (await communities.SearchAsync(ana.Id, "nino y el")).Items.Select(r => r.Id));
        Assert.Equal([nino.Id], (await communities.SearchAsync(ana.Id, "NIÑO")).Items.Select(r => r.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_EqualMembers_SortsAccentedNamesAmongTheirLetters(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        foreach (var name in new[] { "Zorro", "Árbol", "bosque", "Élite", "Estrella" })
        {
            await communities.CreateAsync(ana.Id, name, null, isPublic: true);
        }

        var page = await communities.SearchAsync(ana.Id, "");

        Assert.Equal(["Árbol", "bosque", "Élite", "Estrella", "Zorro"], page.Items.Select(r => r.Name));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task QuickSwitch_WithoutAccentsOrInCapitals_FindsAccentedServersAndChannels(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var server = await db.Get<CommunityService>().CreateAsync(ana.Id, "Coro de Canción", null, isPublic: false);
        var channel = await db.Get<ChannelService>().CreateAsync(ana.Id, server.Id, "ensayo-canción", null);
        var switcher = db.Get<QuickSwitchService>();

        var byPlain = await switcher.FindAsync(ana.Id, "cancion");
        var byCapitals = await switcher.FindAsync(ana.Id, "#CANCIÓN");

        SwitchTarget[] expected =
        [
            new(server.Id, "Coro de Canción"),
            new(server.Id, "Coro de Canción", channel.Id, "ensayo-canción"),
        ];
        Assert.Equal(expected, byPlain);
        Assert.Equal(expected, byCapitals);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchName_RenamedServerAndChannel_FollowTheNewName(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        var server = await communities.CreateAsync(ana.Id, "Old", null, isPublic: true);

        await communities.UpdateAsync(ana.Id, server.Id, "Música Ñandú", null, isPublic: true);
        await db.Get<ChannelService>().UpdateAsync(ana.Id, server.FirstChannelId!.Value, "Poesía", null);

        await using var context = await db.CreateContextAsync();
        Assert.Equal("musica nandu", await context.Communities.Where(c => c.Id == server.Id).Select(c => c.SearchName).SingleAsync());
        Assert.Equal("poesia", await context.Channels.Where(c => c.Id == server.FirstChannelId).Select(c => c.SearchName).SingleAsync());
        Assert.Equal([server.Id], (await communities.SearchAsync(ana.Id, "MUSICA")).Items.Select(r => r.Id));
        Assert.Empty((await communities.SearchAsync(ana.Id, "old")).Items);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task Backfill_RowsWithoutSearchName_GetTheirFoldedName(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var server = await db.Get<CommunityService>().CreateAsync(ana.Id, "Canción", null, isPublic: true);
        await using (var context = await db.CreateContextAsync())
        {
            // As rows written before the column existed: the migration adds it empty.
            await context.Communities.ExecuteUpdateAsync(s => s.SetProperty(c => c.SearchName, ""));
            await context.Channels.ExecuteUpdateAsync(s => s.SetProperty(c => c.SearchName, ""));
        }

        await ChatDatabase.MigrateAsync(db.Services);

        Assert.Equal([server.Id], (await db.Get<CommunityService>().SearchAsync(ana.Id, "cancion")).Items.Select(r => r.Id));
        await using var after = await db.CreateContextAsync();
        Assert.Equal("general", await after.Channels.Where(c => c.CommunityId == server.Id).Select(c => c.SearchName).SingleAsync());
    }

    [Theory]
    [InlineData("Canción", "cancion")]
    [InlineData("CANCIÓN", "cancion")]
    [InlineData("Ñandú", "nandu")]
    [InlineData("Zoë Ørsted", "zoe ørsted")]
    [InlineData("book-club", "book-club")]
    [InlineData("", "")]
    public void Fold_DropsCaseAndAccents(string name, string expected)
    {
        Assert.Equal(expected, SearchText.Fold(name));
    }

    [Fact]
    public void NameOrder_PutsAccentsWithTheirLettersAndÑAfterN()
    {
        string[] names = ["Ñandú", "zorro", "Nube", "árbol", "Oso", "Élite", "abeja"];

        Assert.Equal(["abeja", "árbol", "Élite", "Nube", "Ñandú", "Oso", "zorro"], names.Order(NameOrder.Comparer));
    }
}
