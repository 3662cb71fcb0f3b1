using Chat.Domain;
using Chat.Domain.Attachments;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Direct;
using Chat.Domain.Messages;
using Chat.Domain.Messages.Search;
using Chat.Domain.Notifications;
using Chat.Domain.Users;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

public sealed class DirectMessageTests
{
    private sealed record Three(TestDatabase Db, ChatUser Ann, ChatUser Ben, ChatUser Cy, int ServerId);

    // ann, ben and cy share a server; dan shares none.
    private static async Task<Three> ArrangeAsync(TestDatabase db)
    {
        var ann = await db.CreateUserAsync("ann");
        var ben = await db.CreateUserAsync("ben");
        var cy = await db.CreateUserAsync("cy_");
        var communities = db.Get<CommunityService>();
        var server = await communities.CreateAsync(ann.Id, "Garden", null, isPublic: true);
        await communities.JoinAsync(ben.Id, server.Id);
        await communities.JoinAsync(cy.Id, server.Id);
        return new Three(db, ann, ben, cy, server.Id);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task StartAsync_SamePersonAgain_OpensTheSameConversationFromEitherSide(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var (_, ann, ben, _, _) = await ArrangeAsync(db);
        var direct = db.Get<DirectMessageService>();

        var first = await direct.StartAsync(ann.Id, [ben.Id]);
        var again = await direct.StartAsync(ann.Id, [ben.Id, ann.Id]);
        var fromBen = await direct.StartAsync(ben.Id, [ann.Id]);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Id, fromBen.Id);
        Assert.Equal("ben", Assert.Single(first.Others).UserName);
        Assert.Equal("ann", Assert.Single(fromBen.Others).UserName);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task StartAsync_Group_AlwaysNewAndSizeIsLimited(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var (_, ann, ben, cy, _) = await ArrangeAsync(db);
        var direct = db.Get<DirectMessageService>();
        var before = await DatabaseSnapshot.TakeAsync(db);

        var none = await Record.ExceptionAsync(() => direct.StartAsync(ann.Id, [ann.Id]));
        var eleven = await Record.ExceptionAsync(() => direct.StartAsync(ann.Id, [.. Enumerable.Range(0, 11).Select(i => $"x{i}")]));
        var unknown = await Record.ExceptionAsync(() => direct.StartAsync(ann.Id, [ben.Id, "nobody"]));

        Assert.Equal(nameof(DomainErrors.ConversationSize), Assert.IsType<ValidationException>(none).Error.Code);
        Assert.Equal(nameof(DomainErrors.ConversationSize), Assert.IsType<ValidationException>(eleven).Error.Code);
        Assert.IsType<NotFoundException>(unknown);
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "bad starts were refused");
        var group = await direct.StartAsync(ann.Id, [ben.Id, cy.Id]);
        var second = await direct.StartAsync(ann.Id, [cy.Id, ben.Id]);
        Assert.NotEqual(group.Id, second.Id);
        Assert.True(group.IsGroup);
        Assert.Equal(["ben", "cy_"], group.Others.Select(o => o.UserName));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task StartAsync_Privacy_NobodyNewAndNoSharedServerAreRefusedButAnExistingOneOpens(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var (_, ann, ben, cy, _) = await ArrangeAsync(db);
        var dan = await db.CreateUserAsync("dan");
        var direct = db.Get<DirectMessageService>();
        var existing = await direct.StartAsync(ben.Id, [ann.Id]);
        await db.Get<PrivacyService>().SetWhoMayMessageAsync(ann.Id, DirectMessagePrivacy.Nobody);

        var fromCy = await Record.ExceptionAsync(() => direct.StartAsync(cy.Id, [ann.Id]));
        var inGroup = await Record.ExceptionAsync(() => direct.StartAsync(cy.Id, [ben.Id, ann.Id]));
        var stranger = await Record.ExceptionAsync(() => direct.StartAsync(dan.Id, [ben.Id]));
        var reopened = await direct.StartAsync(ben.Id, [ann.Id]);
        var sent = await db.Get<MessageService>().SendAsync(ben.Id, existing.ChannelId, "still talking", Guid.NewGuid());

        Assert.Equal(nameof(DomainErrors.NotAcceptingMessages), Assert.IsType<ForbiddenException>(fromCy).Error.Code);
        Assert.Equal(nameof(DomainErrors.NotAcceptingMessages), Assert.IsType<ForbiddenException>(inGroup).Error.Code);
        Assert.Equal(nameof(DomainErrors.NoSharedServer), Assert.IsType<ForbiddenException>(stranger).Error.Code);
        Assert.Equal(existing.Id, reopened.Id);
        Assert.Equal("still talking", sent.Content);
        Assert.Equal([existing.Id], (await direct.ListAsync(ann.Id)).Select(c => c.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task Block_TheBlockedCannotSendNorStartAndTheBlockerStopsSeeingThem(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var (_, ann, ben, cy, _) = await ArrangeAsync(db);
        var direct = db.Get<DirectMessageService>();
        var messages = db.Get<MessageService>();
        var pair = await direct.StartAsync(ben.Id, [ann.Id]);
        var group = await direct.StartAsync(cy.Id, [ann.Id, ben.Id]);
        await messages.SendAsync(ben.Id, pair.ChannelId, "before the block", Guid.NewGuid());
        var fromBen = await messages.SendAsync(ben.Id, group.ChannelId, "ben in the group", Guid.NewGuid());
        var fromCy = await messages.SendAsync(cy.Id, group.ChannelId, "cy in the group", Guid.NewGuid());

        await db.Get<PrivacyService>().BlockAsync(ann.Id, ben.Id);

        var before = await DatabaseSnapshot.TakeAsync(db);
        var sendPair = await Record.ExceptionAsync(() => messages.SendAsync(ben.Id, pair.ChannelId, "hello?", Guid.NewGuid()));
        var sendGroup = await Record.ExceptionAsync(() => messages.SendAsync(ben.Id, group.ChannelId, "hello all?", Guid.NewGuid()));
        var start = await Record.ExceptionAsync(() => direct.StartAsync(ben.Id, [ann.Id]));
        var annToBen = await Record.ExceptionAsync(() => messages.SendAsync(ann.Id, pair.ChannelId, "hm", Guid.NewGuid()));
        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "the blocked sends were refused");
        Assert.Equal(nameof(DomainErrors.BlockedByRecipient), Assert.IsType<ForbiddenException>(sendPair).Error.Code);
        Assert.Equal(nameof(DomainErrors.BlockedByRecipient), Assert.IsType<ForbiddenException>(sendGroup).Error.Code);
        Assert.Equal(nameof(DomainErrors.BlockedByRecipient), Assert.IsType<ForbiddenException>(start).Error.Code);
        Assert.Equal(nameof(DomainErrors.YouBlockedThem), Assert.IsType<ForbiddenException>(annToBen).Error.Code);
        Assert.Equal(["cy in the group"], (await messages.GetLatestAsync(group.Id, group.ChannelId, ann.Id)).Select(m => m.Content));
        Assert.Equal(["ben in the group", "cy in the group"], (await messages.GetLatestAsync(group.Id, group.ChannelId, cy.Id)).Select(m => m.Content));
        var search = db.Get<MessageSearchService>();
        Assert.Equal([fromCy.Id], (await search.SearchAsync(ann.Id, group.Id, "group")).Hits.Select(h => h.MessageId));
        Assert.Equal([fromCy.Id, fromBen.Id], (await search.SearchAsync(cy.Id, group.Id, "group")).Hits.Select(h => h.MessageId));
        var annList = await direct.ListAsync(ann.Id);
        Assert.Equal([group.Id], annList.Select(c => c.Id));
        Assert.Equal(1, annList[0].UnreadCount);
        // In a group the blocker still talks to the others.
        await messages.SendAsync(ann.Id, group.ChannelId, "ann in the group", Guid.NewGuid());

        await db.Get<PrivacyService>().UnblockAsync(ann.Id, ben.Id);

        Assert.Equal(["before the block"], (await messages.GetLatestAsync(pair.Id, pair.ChannelId, ann.Id)).Select(m => m.Content));
        Assert.Equal("back", (await messages.SendAsync(ben.Id, pair.ChannelId, "back", Guid.NewGuid())).Content);
        Assert.Empty((await db.Get<PrivacyService>().GetAsync(ann.Id)).Blocked);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ListAsync_LatestActivityFirstWithUnreadAndMentionCounts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var (_, ann, ben, cy, _) = await ArrangeAsync(db);
        var direct = db.Get<DirectMessageService>();
        var messages = db.Get<MessageService>();
        var readState = db.Get<ReadStateService>();
        var withBen = await direct.StartAsync(ann.Id, [ben.Id]);
        var withCy = await direct.StartAsync(ann.Id, [cy.Id]);
        await messages.SendAsync(cy.Id, withCy.ChannelId, "hi ann", Guid.NewGuid());
        await messages.SendAsync(ben.Id, withBen.ChannelId, "one", Guid.NewGuid());
        var last = await messages.SendAsync(ben.Id, withBen.ChannelId, "two, @ann", Guid.NewGuid());
        await messages.SendAsync(ann.Id, withBen.ChannelId, "mine does not count", Guid.NewGuid());

        var list = await direct.ListAsync(ann.Id);
        await readState.MarkReadAsync(ann.Id, withBen.ChannelId, last.Id);
        var afterReading = await direct.ListAsync(ann.Id);

        Assert.Equal([(withBen.Id, 2, 1), (withCy.Id, 1, 0)], list.Select(c => (c.Id, c.UnreadCount, c.MentionCount)));
        Assert.Equal(3, list.Sum(c => c.UnreadCount));
        Assert.Equal(1, await direct.CountUnreadAsync(ann.Id));
        Assert.Equal([(withBen.Id, 0, 0), (withCy.Id, 1, 0)], afterReading.Select(c => (c.Id, c.UnreadCount, c.MentionCount)));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_DirectMessage_EachOtherParticipantHearsOfItOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var (_, ann, ben, cy, _) = await ArrangeAsync(db);
        var group = await db.Get<DirectMessageService>().StartAsync(ann.Id, [ben.Id, cy.Id]);

        var sent = await db.Get<MessageService>().SendAsync(ann.Id, group.ChannelId, "lunch, @ben?", Guid.NewGuid());

        var notifications = db.Get<NotificationService>();
        var toBen = Assert.Single(await notifications.ListAsync(ben.Id));
        Assert.Equal((NotificationKind.DirectMessage, sent.Id, group.Id, "ann"), (toBen.Kind, toBen.MessageId, toBen.CommunityId, toBen.ActorDisplayName));
        Assert.Equal(NotificationKind.DirectMessage, Assert.Single(await notifications.ListAsync(cy.Id)).Kind);
        Assert.Empty(await notifications.ListAsync(ann.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task SendAsync_FileInAConversation_OnlyItsPeopleMayDownloadIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var (_, ann, ben, cy, _) = await ArrangeAsync(db);
        var withBen = await db.Get<DirectMessageService>().StartAsync(ann.Id, [ben.Id]);
        var files = db.Get<AttachmentService>();

        var (_, picture) = await AttachmentTests.SendWithFileAsync(db, ann.Id, withBen.ChannelId, "photo.png", TestImages.Png(40, 30));

        Assert.Equal(AttachmentKind.Picture, (await files.GetFileAsync(ben.Id, picture.Id)).Kind);
        Assert.NotEmpty((await files.GetFileAsync(ben.Id, picture.Id, thumbnail: true)).Bytes);
        // cy shares the server with both, not the conversation.
        Assert.IsType<ForbiddenException>(await Record.ExceptionAsync(() => files.GetFileAsync(cy.Id, picture.Id)));
        Assert.IsType<ForbiddenException>(await Record.ExceptionAsync(() => AttachmentTests.UploadAsync(db, cy.Id, withBen.ChannelId, "x.pdf", [1, 2, 3])));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ServerLists_LeaveConversationsOut(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var (_, ann, ben, _, serverId) = await ArrangeAsync(db);
        var pair = await db.Get<DirectMessageService>().StartAsync(ann.Id, [ben.Id]);
        var communities = db.Get<CommunityService>();

        var mine = await communities.GetMineAsync(ann.Id);
        var found = await communities.SearchAsync(ann.Id, "");
        var switcher = await db.Get<QuickSwitchService>().FindAsync(ann.Id, "");
        var switcherChannels = await db.Get<QuickSwitchService>().FindAsync(ann.Id, "general");

        Assert.Equal([serverId], mine.Select(c => c.Id));
        Assert.Equal([serverId], found.Items.Select(c => c.Id));
        Assert.Equal([serverId], switcher.Select(t => t.CommunityId));
        Assert.Equal([serverId], switcherChannels.Select(t => t.CommunityId));
        Assert.NotEqual(serverId, pair.Id);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ServerActions_OnAConversation_AreRefusedAndChangeNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, WriteLimits.Unlimited);
        var (_, ann, ben, cy, _) = await ArrangeAsync(db);
        var pair = await db.Get<DirectMessageService>().StartAsync(ann.Id, [ben.Id]);
        var group = await db.Get<DirectMessageService>().StartAsync(ann.Id, [ben.Id, cy.Id]);
        var communities = db.Get<CommunityService>();
        var before = await DatabaseSnapshot.TakeAsync(db);

        Func<Task>[] attempts =
        [
            () => db.Get<Chat.Domain.Invitations.InvitationService>().InviteAsync(ann.Id, group.Id, "cy_"),
            () => db.Get<Chat.Domain.Invitations.InvitationService>().CreateLinkAsync(ann.Id, group.Id, null, null),
            () => communities.JoinAsync(cy.Id, pair.Id),
            () => communities.UpdateAsync(ann.Id, group.Id, "Renamed", null, isPublic: true),
            () => communities.DeleteAsync(ann.Id, group.Id, ""),
            () => communities.KickAsync(ann.Id, group.Id, ben.Id),
            () => communities.SetRoleAsync(ann.Id, group.Id, ben.Id, MemberRole.Admin),
            () => communities.TransferOwnershipAsync(ann.Id, group.Id, ben.Id),
            () => communities.LeaveAsync(ann.Id, pair.Id),
            () => db.Get<Chat.Domain.Channels.ChannelService>().CreateAsync(ann.Id, group.Id, "second"),
            async () => await db.Get<DirectMessageService>().GetAsync(ann.Id, (await communities.GetMineAsync(ann.Id))[0].Id),
        ];
        foreach (var attempt in attempts)
        {
            Assert.IsAssignableFrom<DomainException>(await Record.ExceptionAsync(attempt));
        }

        DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), "server actions on a conversation");
    }
}
