using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

public sealed class MessageServiceTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetLatestAsync_LongHistory_ReturnsNewestPageOldestFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);
        var channelId = community.FirstChannelId!.Value;
        await AddMessagesAsync(db, channelId, ana.Id, MessageService.PageSize + 10);

        var messages = await db.Get<MessageService>().GetLatestAsync(community.Id, channelId, ana.Id);

        Assert.Equal(MessageService.PageSize, messages.Count);
        Assert.Equal(
            Enumerable.Range(10, MessageService.PageSize).Select(i => $"message {i}"),
            messages.Select(m => m.Content));
        Assert.All(messages, m => Assert.Equal(("ana", "ana"), (m.AuthorUserName, m.AuthorDisplayName)));
        Assert.All(messages, m => Assert.Equal(DateTimeKind.Utc, m.CreatedAt.Kind));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetLatestAsync_ByNonMember_IsForbidden(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var bob = await db.CreateUserAsync("bob");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);
        var channelId = community.FirstChannelId!.Value;
        await AddMessagesAsync(db, channelId, ana.Id, 3);

        var refused = await Record.ExceptionAsync(
            () => db.Get<MessageService>().GetLatestAsync(community.Id, channelId, bob.Id));

        Assert.IsType<ForbiddenException>(refused);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetLatestAsync_ChannelOfAnotherCommunity_ReturnsNothingOfIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var bob = await db.CreateUserAsync("bob");
        var communities = db.Get<CommunityService>();
        var anas = await communities.CreateAsync(ana.Id, "Ana's place", null, isPublic: true);
        var bobs = await communities.CreateAsync(bob.Id, "Bob's secrets", null, isPublic: false);
        await AddMessagesAsync(db, bobs.FirstChannelId!.Value, bob.Id, 3);

        // Ana is a member of her own community and names Bob's channel with it.
        var messages = await db.Get<MessageService>().GetLatestAsync(anas.Id, bobs.FirstChannelId!.Value, ana.Id);

        Assert.Empty(messages);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetLatestAsync_EmptyChannel_ReturnsEmptyList(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var ana = await db.CreateUserAsync("ana");
        var community = await db.Get<CommunityService>().CreateAsync(ana.Id, "Book club", null, isPublic: true);

        var messages = await db.Get<MessageService>().GetLatestAsync(community.Id, community.FirstChannelId!.Value, ana.Id);

        Assert.Empty(messages);
    }

    private static async Task AddMessagesAsync(TestDatabase db, int channelId, string authorId, int count)
    {
        await using var context = await db.CreateContextAsync();
        var start = DateTime.UtcNow.AddMinutes(-count);
        for (var i = 0; i < count; i++)
        {
            // One at a time, so ids grow in the order written, as they do when members post.
            context.Messages.Add(new Message
            {
                ChannelId = channelId,
                AuthorId = authorId,
                Content = $"message {i}",
                CreatedAt = start.AddMinutes(i),
                Nonce = Guid.NewGuid(),
            });
            await context.SaveChangesAsync();
        }
    }
}
