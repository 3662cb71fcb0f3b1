using Chat.Domain;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Messages.Search;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

/// <summary>Message search through each database's full-text index: what it finds, in which order, and for whom.</summary>
public sealed class MessageSearchTests
{
    /// <summary>Queries that mean something to FTS5, tsquery or InnoDB's boolean mode, or to SQL.</summary>
    public static IReadOnlyList<string> HostileQueries { get; } =
    [
        "\"", "\"apple", "NEAR(apple pear)", "*", "apple*", "-apple", "+apple", "(apple", "apple)", "apple OR pear",
        "apple AND NOT", "'; DROP TABLE Messages; --", "%", "_", "\\", "^apple", "{apple}", "apple:*", "!apple & |",
        "@@ @", "<b>apple</b>", "~apple", "apple<->pear", "''", "a:b:c", "from:", "in:", ":", "before:", "ááá ñ",
    ];

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_ByEachActor_OnlyMembersSearch(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "the apple harvest");
        var search = db.Get<MessageSearchService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            async (_, userId) => Assert.Single((await search.SearchAsync(userId, cast.CommunityId, "apple")).Hits));
        await Assert.ThrowsAsync<NotFoundException>(() => search.SearchAsync(cast.Owner.Id, cast.CommunityId + 1000, "apple"));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_AnotherServersMessages_AreNeverFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var other = await db.Get<CommunityService>().CreateAsync(cast.NonMember.Id, "Secret garden", null, isPublic: false);
        await using (var context = await db.CreateContextAsync())
        {
            context.Memberships.Add(new Membership { CommunityId = other.Id, UserId = cast.Owner.Id, Role = MemberRole.Member, JoinedAt = DateTime.UtcNow });
            await context.SaveChangesAsync();
        }

        var mine = await SendAsync(db, cast.Member.Id, cast.ChannelId, "apple pie");
        await SendAsync(db, cast.NonMember.Id, other.FirstChannelId!.Value, "apple secret");
        var search = db.Get<MessageSearchService>();

        var byMember = await search.SearchAsync(cast.Member.Id, cast.CommunityId, "apple");
        var byOwner = await search.SearchAsync(cast.Owner.Id, cast.CommunityId, "apple");
        var secret = await search.SearchAsync(cast.Member.Id, cast.CommunityId, "secret");

        Assert.Equal([mine.Id], byMember.Hits.Select(h => h.MessageId));
        Assert.Equal([mine.Id], byOwner.Hits.Select(h => h.MessageId));
        Assert.Empty(secret.Hits);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_AccentsAndCaseEitherWay_FindTheSameMessages(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var song = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "Me encanta esta canción");
        var plain = await SendAsync(db, cast.Member.Id, cast.ChannelId, "CANCION nueva del coro");
        var cafe = await SendAsync(db, cast.Member.Id, cast.ChannelId, "vamos al cafe, the coffee place");
        await SendAsync(db, cast.Member.Id, cast.ChannelId, "cancelled the meeting");
        var search = db.Get<MessageSearchService>();

        foreach (var query in new[] { "cancion", "canción", "CANCIÓN", "Cancion" })
        {
            var page = await search.SearchAsync(cast.Member.Id, cast.CommunityId, query);

            Assert.True(page.Hits.Select(h => h.MessageId).SequenceEqual([plain.Id, song.Id]), $"\"{query}\"");
        }

        Assert.Equal([cafe.Id], (await search.SearchAsync(cast.Member.Id, cast.CommunityId, "CAFÉ")).Hits.Select(h => h.MessageId));
        Assert.Equal([cafe.Id], (await search.SearchAsync(cast.Member.Id, cast.CommunityId, "Coffee")).Hits.Select(h => h.MessageId));
        Assert.Equal([song.Id], (await search.SearchAsync(cast.Member.Id, cast.CommunityId, "encanta canción")).Hits.Select(h => h.MessageId));
        Assert.Empty((await search.SearchAsync(cast.Member.Id, cast.CommunityId, "encanta nueva")).Hits);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_ShortAndCommonSpanishWords_AreFoundToo(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "la canción de cuna");
        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "otra cosa");
        var search = db.Get<MessageSearchService>();

        var page = await search.SearchAsync(cast.Member.Id, cast.CommunityId, "La de CUNA");

        Assert.Equal([sent.Id], page.Hits.Select(h => h.MessageId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_AMatch_ComesWithAuthorChannelTimeAndMarkedWords(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 10, 30, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync(provider, services =>
        {
            WriteLimits.Unlimited(services);
            services.AddSingleton<TimeProvider>(clock);
        });
        var cast = await Cast.CreateAsync(db);
        var sent = await SendAsync(db, cast.Member.Id, cast.ChannelId, "<b>Canciones</b> y más canción, ¿sí?");
        var search = db.Get<MessageSearchService>();

        var hit = Assert.Single((await search.SearchAsync(cast.Owner.Id, cast.CommunityId, "cancion")).Hits);

        Assert.Equal(
            (sent.Id, cast.ChannelId, "general", cast.Member.Id, "mia", clock.GetUtcNow().UtcDateTime),
            (hit.MessageId, hit.ChannelId, hit.ChannelName, hit.AuthorId, hit.AuthorUserName, hit.CreatedAt));
        Assert.Equal(
            [new("<b>", false), new("Canciones", true), new("</b> y más ", false), new("canción", true), new(", ¿sí?", false)],
            hit.Segments);
    }

    [Fact]
    public void Segments_ALongMessage_AreAWindowAroundTheFirstMatch()
    {
        var content = new string('x', 1000) + " needle " + new string('y', 1000);

        var segments = SearchHighlighter.Segments(content, ["needle"]);

        Assert.Equal("…", segments[0].Text);
        Assert.Equal("…", segments[^1].Text);
        Assert.Equal("needle", Assert.Single(segments, s => s.Match).Text);
        Assert.True(string.Concat(segments.Select(s => s.Text)).Length <= 302);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_ManyMatches_PagesNewestFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var sent = new List<long>();
        for (var i = 0; i < MessageSearchService.PageSize * 2 + 5; i++)
        {
            sent.Add((await SendAsync(db, cast.Owner.Id, cast.ChannelId, $"report number {i}")).Id);
            await SendAsync(db, cast.Owner.Id, cast.ChannelId, $"unrelated {i}");
        }

        var search = db.Get<MessageSearchService>();

        var first = await search.SearchAsync(cast.Member.Id, cast.CommunityId, "report");
        var second = await search.SearchAsync(cast.Member.Id, cast.CommunityId, "report", first.NextBeforeId);
        var third = await search.SearchAsync(cast.Member.Id, cast.CommunityId, "report", second.NextBeforeId);

        Assert.Equal([20, 20, 5], new[] { first, second, third }.Select(p => p.Hits.Count));
        Assert.NotNull(second.NextBeforeId);
        Assert.Null(third.NextBeforeId);
        Assert.Equal(Enumerable.Reverse(sent), new[] { first, second, third }.SelectMany(p => p.Hits).Select(h => h.MessageId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_AfterAnEditOrADelete_SeesTheMessageAsItIsNow(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var edited = await SendAsync(db, cast.Member.Id, cast.ChannelId, "meet at the station");
        var deleted = await SendAsync(db, cast.Member.Id, cast.ChannelId, "station code 1234");
        var messages = db.Get<MessageService>();
        var search = db.Get<MessageSearchService>();

        await messages.EditAsync(cast.Member.Id, edited.Id, "meet at the harbour", edited.Version);
        await messages.DeleteAsync(cast.Member.Id, deleted.Id);

        Assert.Empty((await search.SearchAsync(cast.Member.Id, cast.CommunityId, "station")).Hits);
        Assert.Empty((await search.SearchAsync(cast.Member.Id, cast.CommunityId, "1234")).Hits);
        Assert.Equal([edited.Id], (await search.SearchAsync(cast.Member.Id, cast.CommunityId, "harbour")).Hits.Select(h => h.MessageId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_FromAndIn_KeepThatAuthorAndChannel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var random = await db.Get<ChannelService>().CreateAsync(cast.Owner.Id, cast.CommunityId, "random");
        var ownerInGeneral = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "plans for friday");
        var memberInGeneral = await SendAsync(db, cast.Member.Id, cast.ChannelId, "plans for saturday");
        var memberInRandom = await SendAsync(db, cast.Member.Id, random.Id, "plans for sunday");
        var search = db.Get<MessageSearchService>();

        async Task<IEnumerable<long>> Found(string query) =>
            (await search.SearchAsync(cast.Admin.Id, cast.CommunityId, query)).Hits.Select(h => h.MessageId);

        Assert.Equal([memberInRandom.Id, memberInGeneral.Id], await Found("plans from:mia"));
        Assert.Equal([memberInRandom.Id, memberInGeneral.Id], await Found("FROM:@MIA plans"));
        Assert.Equal([memberInGeneral.Id, ownerInGeneral.Id], await Found("plans in:#general"));
        Assert.Equal([memberInRandom.Id], await Found("in:random"));
        Assert.Equal([memberInGeneral.Id], await Found("from:mia in:#general"));
        Assert.Empty(await Found("from:olga in:#random"));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_HasLinkBeforeAndAfter_FilterByLinkAndDay(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero));
        await using var db = await TestDatabase.CreateAsync(provider, services =>
        {
            WriteLimits.Unlimited(services);
            services.AddSingleton<TimeProvider>(clock);
        });
        var cast = await Cast.CreateAsync(db);
        var march1 = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "notes at https://example.com/notes");
        clock.Advance(TimeSpan.FromHours(2));
        var march2 = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "notes without a link");
        clock.Advance(TimeSpan.FromDays(1));
        var march3 = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "notes at http://example.org");
        var search = db.Get<MessageSearchService>();

        async Task<IEnumerable<long>> Found(string query) =>
            (await search.SearchAsync(cast.Member.Id, cast.CommunityId, query)).Hits.Select(h => h.MessageId);

        Assert.Equal([march3.Id, march1.Id], await Found("notes has:link"));
        Assert.Equal([march1.Id], await Found("notes before:2026-03-02"));
        Assert.Equal([march3.Id], await Found("notes after:2026-03-02"));
        Assert.Equal([march2.Id], await Found("after:2026-03-01 before:2026-03-03"));
        Assert.Equal([march3.Id, march1.Id], await Found("has:LINK"));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_AnInvalidFilter_IsRefusedOnTheSearchBox(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var search = db.Get<MessageSearchService>();

        foreach (var (query, code) in new[]
        {
            ("plans before:2026-13-01", nameof(DomainErrors.SearchDateInvalid)),
            ("after:yesterday", nameof(DomainErrors.SearchDateInvalid)),
            ("has:image", nameof(DomainErrors.SearchFilterUnknown)),
            ("from:nick", nameof(DomainErrors.SearchUserUnknown)),
            ("from:nobody plans", nameof(DomainErrors.SearchUserUnknown)),
            ("in:#nowhere", nameof(DomainErrors.SearchChannelUnknown)),
        })
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => search.SearchAsync(cast.Member.Id, cast.CommunityId, query));

            Assert.Equal((code, "query"), (error.Error.Code, error.Field));
        }
    }

    [Theory, OnSqlite(Each = nameof(HostileQueries)), OnPostgres(Each = nameof(HostileQueries)), OnMySql(Each = nameof(HostileQueries))]
    public async Task SearchAsync_HostileQuery_NeverErrs(DatabaseProvider provider, string query)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var apple = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "an apple and a pear");
        var search = db.Get<MessageSearchService>();

        var page = await search.SearchAsync(cast.Member.Id, cast.CommunityId, query);

        Assert.All(page.Hits, h => Assert.Equal(apple.Id, h.MessageId));
        var words = SearchQuery.Words(query).ToList();
        if (words.Count > 0 && words.All(w => w == "apple"))
        {
            Assert.Single(page.Hits);
        }
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MigrateAsync_MessagesFromBeforeSearch_AreIndexedAtStart(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        var old = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "Una canción antigua");
        await using (var context = await db.CreateContextAsync())
        {
            // As the column's migration leaves every older message.
            await context.Messages.Where(m => m.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SearchContent, ""));
        }

        var search = db.Get<MessageSearchService>();
        var before = await search.SearchAsync(cast.Member.Id, cast.CommunityId, "cancion");

        await ChatDatabase.MigrateAsync(db.Services);

        Assert.Empty(before.Hits);
        Assert.Equal([old.Id], (await search.SearchAsync(cast.Member.Id, cast.CommunityId, "cancion")).Hits.Select(h => h.MessageId));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MigrateAsync_MorePinnedLinesThanABatch_StillStarts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        await using (var context = await db.CreateContextAsync())
        {
            // Lines have no text of their own, so their folded text stays empty: the backfill must not take them
            // for messages still to fill, batch after batch.
            context.Messages.AddRange(Enumerable.Range(0, 600).Select(_ => new Message
            {
                ChannelId = cast.ChannelId,
                AuthorId = cast.Owner.Id,
                Kind = MessageKind.Pinned,
                CreatedAt = DateTime.UtcNow,
                Nonce = Guid.NewGuid(),
            }));
            await context.SaveChangesAsync();
        }

        // Bounded only so that a regression fails instead of hanging the suite.
        await ChatDatabase.MigrateAsync(db.Services).WaitAsync(TimeSpan.FromMinutes(2));

        await using var after = await db.CreateContextAsync();
        Assert.Equal(600, await after.Messages.CountAsync(m => m.Kind == MessageKind.Pinned && m.SearchContent == ""));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SearchAsync_NothingToSearch_FindsNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var cast = await Cast.CreateAsync(db);
        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "anything");

        var page = await db.Get<MessageSearchService>().SearchAsync(cast.Member.Id, cast.CommunityId, "  ¿?! ");

        Assert.Equal(MessageSearchPage.Empty, page);
    }

    private static Task<MessageView> SendAsync(TestDatabase db, string userId, int channelId, string text) =>
        db.Get<MessageService>().SendAsync(userId, channelId, text, Guid.NewGuid());
}
