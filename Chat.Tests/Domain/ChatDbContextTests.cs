using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Domain;

/// <summary>The rules the database itself enforces, so that no code path (or race) can break them.</summary>
public sealed class ChatDbContextTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SaveChanges_SecondMembershipOfSameUser_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await using var context = await db.CreateContextAsync();
        context.Memberships.Add(
            new Membership { CommunityId = community.Id, UserId = ana.Id, Role = MemberRole.Member, JoinedAt = DateTime.UtcNow });

        var refused = await Record.ExceptionAsync(() => context.SaveChangesAsync());

        Assert.IsType<DbUpdateException>(refused);
        Assert.Equal(1, await CountAsync(db, c => c.Memberships));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SaveChanges_DuplicateChannelNameInCommunity_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await using var context = await db.CreateContextAsync();
        context.Channels.Add(new Channel { CommunityId = community.Id, Name = "general", Position = 1, CreatedAt = DateTime.UtcNow });

        var refused = await Record.ExceptionAsync(() => context.SaveChangesAsync());

        Assert.IsType<DbUpdateException>(refused);
        Assert.Equal(1, await CountAsync(db, c => c.Channels));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SaveChanges_SameChannelNameInTwoCommunities_IsStored(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        var first = await communities.CreateAsync(ana.Id, "First", null, isPublic: true);
        var second = await communities.CreateAsync(ana.Id, "Second", null, isPublic: true);
        await using var context = await db.CreateContextAsync();
        var now = DateTime.UtcNow;
        context.Channels.AddRange(
            new Channel { CommunityId = first.Id, Name = "books", Position = 1, CreatedAt = now },
            new Channel { CommunityId = second.Id, Name = "books", Position = 1, CreatedAt = now });

        await context.SaveChangesAsync();

        Assert.Equal(2, await CountAsync(db, c => c.Channels.Where(channel => channel.Name == "books")));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SaveChanges_SameNonceFromSameAuthor_IsStoredOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);
        var nonce = Guid.NewGuid();
        await using (var context = await db.CreateContextAsync())
        {
            context.Messages.Add(NewMessage(community.FirstChannelId!.Value, ana.Id, nonce));
            await context.SaveChangesAsync();
        }

        await using var retry = await db.CreateContextAsync();
        retry.Messages.Add(NewMessage(community.FirstChannelId!.Value, ana.Id, nonce));
        var refused = await Record.ExceptionAsync(() => retry.SaveChangesAsync());

        Assert.IsType<DbUpdateException>(refused);
        Assert.Equal(1, await CountAsync(db, c => c.Messages));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SaveChanges_SameNonceFromTwoAuthors_IsStoredTwice(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var bob = await db.CreateUserAsync("bob");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);
        var nonce = Guid.NewGuid();
        await using var context = await db.CreateContextAsync();
        context.Messages.AddRange(
            NewMessage(community.FirstChannelId!.Value, ana.Id, nonce),
            NewMessage(community.FirstChannelId!.Value, bob.Id, nonce));

        await context.SaveChangesAsync();

        Assert.Equal(2, await CountAsync(db, c => c.Messages));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ExecuteDelete_Community_RemovesItsChannelsMembershipsAndMessages(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var communities = db.Get<CommunityService>();
        var doomed = await communities.CreateAsync(ana.Id, "Doomed", null, isPublic: true);
        var kept = await communities.CreateAsync(ana.Id, "Kept", null, isPublic: true);
        await using (var context = await db.CreateContextAsync())
        {
            context.Messages.AddRange(
                NewMessage(doomed.FirstChannelId!.Value, ana.Id, Guid.NewGuid()),
                NewMessage(kept.FirstChannelId!.Value, ana.Id, Guid.NewGuid()));
            await context.SaveChangesAsync();
        }

        // Straight to the database, so the cascade is the database's, not EF's change tracker's.
        await using (var context = await db.CreateContextAsync())
        {
            await context.Communities.Where(c => c.Id == doomed.Id).ExecuteDeleteAsync();
        }

        Assert.Equal([kept], await communities.GetMineAsync(ana.Id));
        await using var check = await db.CreateContextAsync();
        Assert.Equal([kept.FirstChannelId!.Value], await check.Channels.Select(c => c.Id).ToListAsync());
        Assert.Equal([kept.Id], await check.Memberships.Select(m => m.CommunityId).ToListAsync());
        Assert.Equal([kept.FirstChannelId!.Value], await check.Messages.Select(m => m.ChannelId).ToListAsync());
    }

    /// <summary>Unique names compare code points on every provider: no collation may fold emoji, accents or case.</summary>
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SaveChanges_ChannelNamesDifferingOnlyInEmojiAccentOrCase_AreAllStored(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);
        string[] names = ["food-🍕", "food-🍔", "cafe", "café", "Cafe"];
        await using var context = await db.CreateContextAsync();
        context.Channels.AddRange(names.Select((name, i) =>
            new Channel { CommunityId = community.Id, Name = name, Position = i + 1, CreatedAt = DateTime.UtcNow }));

        await context.SaveChangesAsync();

        await using var check = await db.CreateContextAsync();
        var stored = await check.Channels.Where(c => c.CommunityId == community.Id && c.Name != "general")
            .Select(c => c.Name).ToListAsync();
        Assert.Equal(names.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.Equal("food-🍔", await check.Channels.Where(c => c.Name == "food-🍔").Select(c => c.Name).SingleAsync());
    }

    /// <summary>
    /// Times keep their microseconds and come back as UTC. On MySQL this needs datetime(6) and, for DateTimeOffset, a
    /// conversion to UTC DateTime: MySql.Data drops a DateTimeOffset's fraction of a second (MySqlChatDbContext).
    /// </summary>
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SaveChanges_TimesWithMicroseconds_RoundTripExactly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);
        var createdAt = new DateTime(2026, 12, 2, 4, 35, 11, DateTimeKind.Utc).AddTicks(1_234_560);
        var lockoutEnd = new DateTimeOffset(2026, 12, 2, 5, 0, 0, TimeSpan.Zero).AddTicks(6_543_210);
        await using (var context = await db.CreateContextAsync())
        {
            var message = NewMessage(community.FirstChannelId!.Value, ana.Id, Guid.NewGuid());
            message.CreatedAt = createdAt;
            context.Messages.Add(message);
            var user = await context.Users.SingleAsync(u => u.Id == ana.Id);
            user.LockoutEnd = lockoutEnd;
            await context.SaveChangesAsync();
        }

        await using var check = await db.CreateContextAsync();
        var storedCreatedAt = await check.Messages.Select(m => m.CreatedAt).SingleAsync();
        var storedLockoutEnd = await check.Users.Where(u => u.Id == ana.Id).Select(u => u.LockoutEnd).SingleAsync();
        Assert.Equal(createdAt, storedCreatedAt);
        Assert.Equal(DateTimeKind.Utc, storedCreatedAt.Kind);
        Assert.Equal(lockoutEnd, storedLockoutEnd);
        Assert.Equal(1, await check.Messages.CountAsync(m => m.CreatedAt > createdAt.AddTicks(-10) && m.CreatedAt < createdAt.AddTicks(10)));
    }

    private static Message NewMessage(int channelId, string authorId, Guid nonce) => new()
    {
        ChannelId = channelId,
        AuthorId = authorId,
        Content = "hello",
        CreatedAt = DateTime.UtcNow,
        Nonce = nonce,
    };

    private static async Task<int> CountAsync<T>(TestDatabase db, Func<ChatDbContext, IQueryable<T>> rows)
    {
        await using var context = await db.CreateContextAsync();
        return await rows(context).CountAsync();
    }
}
