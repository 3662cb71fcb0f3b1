using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Notifications;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

public sealed class NotificationTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_MentionOfAMember_NotifiesThatMemberOnly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);

        var sent = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "hi @mia, and @nick who is not here");

        var notification = Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Member.Id));
        Assert.Equal(
            (NotificationKind.Mentioned, "olga", cast.CommunityId, cast.CommunityName, cast.ChannelId, "general", sent.Id),
            (notification.Kind, notification.ActorDisplayName, notification.CommunityId, notification.CommunityName,
                notification.ChannelId, notification.ChannelName, notification.MessageId));
        Assert.Equal("hi @mia, and @nick who is not here", notification.MessageExcerpt);
        Assert.Equal([cast.Member.Id], await NotifiedUsersAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_LongMessageMention_KeepsAShortExcerpt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);

        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "@mia " + new string('x', 1000));

        var notification = Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Member.Id));
        Assert.Equal(120, notification.MessageExcerpt!.Length);
        Assert.StartsWith("@mia xxx", notification.MessageExcerpt, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_EveryoneFromOwnerOrAdmin_NotifiesAllOtherMembers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);

        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "@everyone meeting at six");
        await SendAsync(db, cast.Admin.Id, cast.ChannelId, "@everyone bring books");

        var expected = new[] { cast.Admin.Id, cast.Member.Id, cast.Owner.Id, cast.Member.Id }.Order(StringComparer.Ordinal);
        Assert.Equal(expected, await NotifiedUsersAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_EveryoneFromAPlainMember_NotifiesNobody(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);

        await SendAsync(db, cast.Member.Id, cast.ChannelId, "@everyone look at this");

        Assert.Empty(await NotifiedUsersAsync(db));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_MutedServer_SkipsEveryoneButStillNotifiesDirectMentions(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        await db.Get<NotificationService>().SetMutedAsync(cast.Member.Id, cast.CommunityId, true);

        await SendAsync(db, cast.Admin.Id, cast.ChannelId, "@everyone quiet please");
        await SendAsync(db, cast.Admin.Id, cast.ChannelId, "@mia you in particular");

        var inbox = await db.Get<NotificationService>().ListAsync(cast.Member.Id);
        Assert.Equal(["@mia you in particular"], inbox.Select(n => n.MessageExcerpt));
        Assert.Single(await db.Get<NotificationService>().ListAsync(cast.Owner.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_Mention_PublishesNotificationCreatedToTheMentionedUserAfterCommit(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var storedWhenPublished = false;
        using var events = new EventRecorder(db.Get<ChatHub>(), Topics.User(cast.Member.Id), async _ =>
        {
            await using var context = await db.CreateContextAsync();
            storedWhenPublished = await context.Notifications.AnyAsync(n => n.UserId == cast.Member.Id);
        });

        var sent = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "@mia ping");

        var created = Assert.IsType<NotificationCreated>(Assert.Single(events.Events));
        Assert.Equal((NotificationKind.Mentioned, sent.Id), (created.Notification.Kind, created.Notification.MessageId));
        Assert.True(storedWhenPublished);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ListAsync_NewestFirstAndCountsTheUnread(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var notifications = db.Get<NotificationService>();
        foreach (var text in new[] { "@mia one", "@mia two", "@mia three" })
        {
            await SendAsync(db, cast.Owner.Id, cast.ChannelId, text);
        }

        var inbox = await notifications.ListAsync(cast.Member.Id);

        Assert.Equal(["@mia three", "@mia two", "@mia one"], inbox.Select(n => n.MessageExcerpt));
        Assert.All(inbox, n => Assert.False(n.IsRead));
        Assert.Equal(3, await notifications.CountUnreadAsync(cast.Member.Id));
        Assert.Equal(["@mia one"], (await notifications.ListAsync(cast.Member.Id, inbox[1].Id)).Select(n => n.MessageExcerpt));
        Assert.Equal(0, await notifications.CountUnreadAsync(cast.Owner.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MarkReadAsync_OwnNotification_MarksOnlyThatOne(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var notifications = db.Get<NotificationService>();
        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "@mia one");
        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "@mia two");
        var inbox = await notifications.ListAsync(cast.Member.Id);
        using var events = new EventRecorder(db.Get<ChatHub>(), Topics.User(cast.Member.Id));

        await notifications.MarkReadAsync(cast.Member.Id, inbox[0].Id);
        await notifications.MarkReadAsync(cast.Member.Id, inbox[0].Id);

        Assert.Equal([true, false], (await notifications.ListAsync(cast.Member.Id)).Select(n => n.IsRead));
        Assert.Equal(1, await notifications.CountUnreadAsync(cast.Member.Id));
        // The user's tabs are told once; the second call changed nothing.
        Assert.IsType<NotificationsChanged>(Assert.Single(events.Events));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MarkReadAsync_SomeoneElsesNotification_IsNotFoundAndChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var notifications = db.Get<NotificationService>();
        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "@mia one");
        var id = Assert.Single(await notifications.ListAsync(cast.Member.Id)).Id;

        await cast.ExpectAsync(
            Cast.Matrix(owner: NotFound, admin: NotFound, member: Allowed, nonMember: NotFound, anonymous: Forbidden)
                .OrderBy(row => row.Outcome == Allowed),
            (_, userId) => notifications.MarkReadAsync(userId, id));
        await Assert.ThrowsAsync<NotFoundException>(() => notifications.MarkReadAsync(cast.Member.Id, id + 1000));

        Assert.Equal(0, await notifications.CountUnreadAsync(cast.Member.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task MarkAllReadAsync_MarksOnlyTheCallersOwn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var notifications = db.Get<NotificationService>();
        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "@mia @adam one");
        await SendAsync(db, cast.Owner.Id, cast.ChannelId, "@mia two");

        await notifications.MarkAllReadAsync(cast.Member.Id);

        Assert.Equal(0, await notifications.CountUnreadAsync(cast.Member.Id));
        Assert.All(await notifications.ListAsync(cast.Member.Id), n => Assert.True(n.IsRead));
        Assert.Equal(1, await notifications.CountUnreadAsync(cast.Admin.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task Inbox_Anonymous_IsForbidden(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var notifications = db.Get<NotificationService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => notifications.ListAsync(null));
        await Assert.ThrowsAsync<ForbiddenException>(() => notifications.CountUnreadAsync(null));
        await Assert.ThrowsAsync<ForbiddenException>(() => notifications.MarkAllReadAsync(""));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SetMutedAsync_ByEachActor_OnlyMembersMayMuteTheirOwn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var notifications = db.Get<NotificationService>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            (_, userId) => notifications.SetMutedAsync(userId, cast.CommunityId, true));
        await notifications.SetMutedAsync(cast.Admin.Id, cast.CommunityId, false);

        Assert.True(await notifications.IsMutedAsync(cast.Owner.Id, cast.CommunityId));
        Assert.False(await notifications.IsMutedAsync(cast.Admin.Id, cast.CommunityId));
        Assert.True(await notifications.IsMutedAsync(cast.Member.Id, cast.CommunityId));
        await Assert.ThrowsAsync<NotFoundException>(() => notifications.SetMutedAsync(cast.Owner.Id, cast.CommunityId + 1000, true));
    }

    private static Task<MessageView> SendAsync(TestDatabase db, string userId, int channelId, string text) =>
        db.Get<MessageService>().SendAsync(userId, channelId, text, Guid.NewGuid());

    /// <summary>The owner of each stored notification, one entry per notification, in ordinal order.</summary>
    private static async Task<IReadOnlyList<string>> NotifiedUsersAsync(TestDatabase db)
    {
        await using var context = await db.CreateContextAsync();
        var owners = await context.Notifications.Select(n => n.UserId).ToListAsync();
        return [.. owners.Order(StringComparer.Ordinal)];
    }
}
