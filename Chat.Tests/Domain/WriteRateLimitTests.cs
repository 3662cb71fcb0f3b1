using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Invitations;
using Chat.Domain.Messages;
using Chat.Domain.Profiles;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Tests.Domain;

/// <summary>Every kind of write has a per-user limit; over it, nothing is stored and nothing is published.</summary>
public sealed class WriteRateLimitTests
{
    private const int Burst = 2;

    /// <summary>
    /// One limited write: what it needs first, and how the <c>n</c>-th attempt is made (each attempt valid on its
    /// own, so that only the limit can refuse it). The first user spends the bucket; the second must not be held back.
    /// </summary>
    private sealed record Write(
        WriteAction Action,
        Func<Cast, string> First,
        Func<Cast, string> Second,
        Func<Cast, Task<Dictionary<string, Queue<object>>>> Arrange,
        Func<Cast, Dictionary<string, Queue<object>>, string, int, Task> Act);

    private static readonly Dictionary<string, Write> Writes = new()
    {
        ["send message"] = new(WriteAction.SendMessage, c => c.Member.Id, c => c.Owner.Id, NothingAsync,
            (c, _, user, n) => c.Db.Get<MessageService>().SendAsync(user, c.ChannelId, $"hello {n}", Guid.NewGuid())),
        ["edit message"] = new(WriteAction.EditMessage, c => c.Member.Id, c => c.Owner.Id, c => MessagesOfAsync(c, 1),
            async (c, state, user, n) =>
            {
                var id = (long)state[user].Peek();
                await c.Db.Get<MessageService>().EditAsync(user, id, $"edit {n}", await VersionOfAsync(c, id));
            }),
        ["delete message"] = new(WriteAction.DeleteMessage, c => c.Member.Id, c => c.Owner.Id, c => MessagesOfAsync(c, Burst + 1),
            (c, state, user, _) => c.Db.Get<MessageService>().DeleteAsync(user, (long)state[user].Dequeue())),
        ["mark unread"] = new(WriteAction.MarkUnread, c => c.Member.Id, c => c.Admin.Id, c => MessagesOfAsync(c, 1),
            (c, state, user, _) => c.Db.Get<ReadStateService>().MarkUnreadAsync(user, c.ChannelId, (long)state[c.Owner.Id].Peek())),
        ["create server"] = new(WriteAction.CreateServer, c => c.Member.Id, c => c.NonMember.Id, NothingAsync,
            (c, _, user, n) => c.Db.Get<CommunityService>().CreateAsync(user, $"Server {n}", null, isPublic: false)),
        ["create channel"] = new(WriteAction.ManageChannels, c => c.Owner.Id, c => c.Admin.Id, NothingAsync,
            (c, _, user, n) => c.Db.Get<ChannelService>().CreateAsync(user, c.CommunityId, $"room-{n}")),
        ["rename channel"] = new(WriteAction.ManageChannels, c => c.Owner.Id, c => c.Admin.Id, NothingAsync,
            (c, _, user, n) => c.Db.Get<ChannelService>().UpdateAsync(user, c.ChannelId, $"general-{n}", $"topic {n}")),
        ["reorder channels"] = new(WriteAction.ManageChannels, c => c.Owner.Id, c => c.Admin.Id, c => ChannelsAsync(c, 2),
            (c, state, user, n) =>
            {
                // Rotated by one more each time, so each attempt asks for an order other than the last one.
                List<int> order = [c.ChannelId, .. state[""].Cast<int>()];
                return c.Db.Get<ChannelService>().ReorderAsync(user, c.CommunityId, [.. order.Skip(n % 3), .. order.Take(n % 3)]);
            }),
        ["delete channel"] = new(WriteAction.ManageChannels, c => c.Owner.Id, c => c.Admin.Id, c => ChannelsAsync(c, Burst + 2),
            (c, state, user, _) => c.Db.Get<ChannelService>().DeleteAsync(user, (int)state[""].Dequeue())),
        ["invite"] = new(WriteAction.Invite, c => c.Owner.Id, c => c.Admin.Id, GuestsAsync,
            (c, _, user, n) => c.Db.Get<InvitationService>().InviteAsync(user, c.CommunityId, $"guest{n}")),
        ["create invite link"] = new(WriteAction.Invite, c => c.Owner.Id, c => c.Admin.Id, NothingAsync,
            (c, _, user, _) => c.Db.Get<InvitationService>().CreateLinkAsync(user, c.CommunityId, null, null)),
        ["revoke invite link"] = new(WriteAction.Invite, c => c.Owner.Id, c => c.Admin.Id, LinksAsync,
            (c, state, user, _) => c.Db.Get<InvitationService>().RevokeLinkAsync(user, (string)state[""].Dequeue())),
        ["pin"] = new(WriteAction.Pin, c => c.Owner.Id, c => c.Admin.Id, c => MessagesOfAsync(c, Burst + 2),
            (c, state, user, _) => c.Db.Get<PinService>().PinAsync(user, (long)state[c.Member.Id].Dequeue())),
        ["unpin"] = new(WriteAction.Pin, c => c.Owner.Id, c => c.Admin.Id, PinnedAsync,
            (c, state, user, _) => c.Db.Get<PinService>().UnpinAsync(user, (long)state[c.Member.Id].Dequeue())),
        ["change profile"] = new(WriteAction.ChangeProfile, c => c.Member.Id, c => c.Owner.Id, NothingAsync,
            (c, _, user, n) => c.Db.Get<ProfileService>().UpdateAsync(user, $"Name {n}", $"bio {n}")),
        ["set picture"] = new(WriteAction.ChangeProfile, c => c.Member.Id, c => c.Owner.Id, NothingAsync,
            (c, _, user, n) => c.Db.Get<ProfileService>().SetAvatarAsync(user, TestImages.Png(2 + n, 2))),
        ["remove picture"] = new(WriteAction.ChangeProfile, c => c.Member.Id, c => c.Owner.Id, PicturesAsync,
            (c, _, user, _) => c.Db.Get<ProfileService>().RemoveAvatarAsync(user)),
    };

    public static IEnumerable<string> WriteNames => Writes.Keys;

    [Theory, OnSqlite(Each = nameof(WriteNames)), OnPostgres(Each = nameof(WriteNames)), OnMySql(Each = nameof(WriteNames))]
    public async Task Write_BeyondTheBurst_IsRefusedChangesNothingAndSparesOthers(DatabaseProvider provider, string name)
    {
        var write = Writes[name];
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Only(write.Action, Burst, WriteLimits.NoRefill));
        var cast = await Cast.CreateAsync(db);
        var state = await write.Arrange(cast);
        var (first, second) = (write.First(cast), write.Second(cast));
        for (var n = 0; n < Burst; n++)
        {
            await write.Act(cast, state, first, n);
        }

        var before = await SnapshotAsync(db);
        using var events = await RecordEverythingAsync(db);

        var refused = await Assert.ThrowsAsync<RateLimitedException>(() => write.Act(cast, state, first, Burst));

        Assert.Equal(nameof(DomainErrors.SlowDown), refused.Code);
        DatabaseSnapshot.AssertUnchanged(before, await SnapshotAsync(db), $"{name} was refused");
        Assert.Empty(events.Events);
        // The bucket is the user's own: someone else may still do the same at once.
        await write.Act(cast, state, second, Burst + 1);
        Assert.NotEqual(before, await SnapshotAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task EditAsync_AHundredFast_StoresTheBurstAndRefillsWithTime(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider();
        await using var db = await TestDatabase.CreateAsync(provider, services => services.AddSingleton<TimeProvider>(clock));
        var cast = await Cast.CreateAsync(db);
        var messages = db.Get<MessageService>();
        var message = await messages.SendAsync(cast.Member.Id, cast.ChannelId, "first", Guid.NewGuid());
        var burst = new WriteRateLimitOptions().Edit.Burst;
        using var events = new EventRecorder(db.Get<ChatHub>(), Topics.Community(cast.CommunityId));

        var (version, refused) = (message.Version, 0);
        for (var n = 0; n < 100; n++)
        {
            try
            {
                version = (await messages.EditAsync(cast.Member.Id, message.Id, $"edit {n}", version)).Version;
            }
            catch (RateLimitedException)
            {
                refused++;
            }
        }

        Assert.Equal(100 - burst, refused);
        Assert.Equal(burst, await RevisionsAsync(db));
        Assert.Equal(burst, events.Of<MessageEdited>().Count);
        clock.Advance(new WriteRateLimitOptions().Edit.Refill);
        await messages.EditAsync(cast.Member.Id, message.Id, "after a pause", version);
        Assert.Equal(burst + 1, await RevisionsAsync(db));
        await Assert.ThrowsAsync<RateLimitedException>(() => messages.EditAsync(cast.Member.Id, message.Id, "again", version + 1));
    }

    private static Task<Dictionary<string, Queue<object>>> NothingAsync(Cast cast) => Task.FromResult(new Dictionary<string, Queue<object>>());

    /// <summary>Messages of each member, stored directly so that no limit is spent on them.</summary>
    private static async Task<Dictionary<string, Queue<object>>> MessagesOfAsync(Cast cast, int count)
    {
        await using var context = await cast.Db.CreateContextAsync();
        var stored = new Dictionary<string, List<Message>>();
        foreach (var user in new[] { cast.Owner.Id, cast.Admin.Id, cast.Member.Id })
        {
            stored[user] = [.. Enumerable.Range(0, count).Select(i => new Message
            {
                ChannelId = cast.ChannelId,
                AuthorId = user,
                Content = $"message {i}",
                CreatedAt = DateTime.UtcNow,
                Nonce = Guid.NewGuid(),
            })];
            context.Messages.AddRange(stored[user]);
        }

        await context.SaveChangesAsync();
        return stored.ToDictionary(s => s.Key, s => new Queue<object>(s.Value.Select(m => (object)m.Id)));
    }

    /// <summary>The member's messages, pinned directly.</summary>
    private static async Task<Dictionary<string, Queue<object>>> PinnedAsync(Cast cast)
    {
        var stored = await MessagesOfAsync(cast, Burst + 2);
        await using var context = await cast.Db.CreateContextAsync();
        context.Pins.AddRange(stored[cast.Member.Id].Select(id => new Pin
        {
            MessageId = (long)id,
            PinnedById = cast.Owner.Id,
            PinnedAt = DateTime.UtcNow,
        }));
        await context.SaveChangesAsync();
        return stored;
    }

    private static async Task<Dictionary<string, Queue<object>>> ChannelsAsync(Cast cast, int count)
    {
        await using var context = await cast.Db.CreateContextAsync();
        var channels = Enumerable.Range(0, count).Select(i => new Channel
        {
            CommunityId = cast.CommunityId,
            Name = $"extra-{i}",
            Position = i + 1,
            CreatedAt = DateTime.UtcNow,
        }).ToList();
        context.Channels.AddRange(channels);
        await context.SaveChangesAsync();
        return new() { [""] = new(channels.Select(c => (object)c.Id)) };
    }

    private static async Task<Dictionary<string, Queue<object>>> GuestsAsync(Cast cast)
    {
        for (var n = 0; n <= Burst + 1; n++)
        {
            await cast.Db.CreateUserAsync($"guest{n}");
        }

        return [];
    }

    private static async Task<Dictionary<string, Queue<object>>> LinksAsync(Cast cast)
    {
        await using var context = await cast.Db.CreateContextAsync();
        var codes = Enumerable.Range(0, Burst + 2).Select(i => $"link{i:D6}").ToList();
        context.InviteLinks.AddRange(codes.Select(code => new InviteLink
        {
            Code = code,
            CommunityId = cast.CommunityId,
            CreatorId = cast.Owner.Id,
            CreatedAt = DateTime.UtcNow,
        }));
        await context.SaveChangesAsync();
        return new() { [""] = new(codes) };
    }

    private static async Task<Dictionary<string, Queue<object>>> PicturesAsync(Cast cast)
    {
        await using var context = await cast.Db.CreateContextAsync();
        foreach (var user in await context.Users.ToListAsync())
        {
            context.Avatars.Add(new UserAvatar { UserId = user.Id, Bytes = TestImages.Png(2, 2), ContentType = "image/png" });
            user.AvatarVersion = 1;
        }

        await context.SaveChangesAsync();
        return [];
    }

    private static async Task<int> VersionOfAsync(Cast cast, long messageId)
    {
        await using var context = await cast.Db.CreateContextAsync();
        return await context.Messages.Where(m => m.Id == messageId).Select(m => m.Version).SingleAsync();
    }

    private static async Task<int> RevisionsAsync(TestDatabase db)
    {
        await using var context = await db.CreateContextAsync();
        return await context.MessageRevisions.CountAsync();
    }

    /// <summary>The domain's rows, and what others see of each user (the snapshot leaves users out).</summary>
    private static async Task<IReadOnlyList<object>> SnapshotAsync(TestDatabase db)
    {
        var rows = new List<object>(await DatabaseSnapshot.TakeAsync(db));
        await using var context = await db.CreateContextAsync();
        rows.AddRange(await context.Users.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new { Table = "user", u.Id, u.DisplayName, u.Bio, u.AvatarVersion }).ToListAsync());
        return rows;
    }

    /// <summary>What the hub delivers on any community's or user's topic from now on.</summary>
    private static async Task<Recorders> RecordEverythingAsync(TestDatabase db)
    {
        await using var context = await db.CreateContextAsync();
        var topics = (await context.Communities.Select(c => c.Id).ToListAsync()).Select(Topics.Community)
            .Concat((await context.Users.Select(u => u.Id).ToListAsync()).Select(Topics.User));
        return new Recorders([.. topics.Select(topic => new EventRecorder(db.Get<ChatHub>(), topic))]);
    }

    private sealed class Recorders(IReadOnlyList<EventRecorder> recorders) : IDisposable
    {
        public IReadOnlyList<ChatEvent> Events => [.. recorders.SelectMany(r => r.Events)];

        public void Dispose()
        {
            foreach (var recorder in recorders)
            {
                recorder.Dispose();
            }
        }
    }
}
