using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Messages;
using Chat.Domain.Notifications;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Chat.Tests.Support.Outcome;

namespace Chat.Tests.Domain;

/// <summary>The lists behind the composer's suggestions, and what a chosen suggestion does once sent.</summary>
public sealed class AutocompleteTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetSourcesAsync_ByEachActor_OnlyMembersGetTheLists_EveryoneForOwnerAndAdmins(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db, isPublic: true);
        var got = new Dictionary<Actor, AutocompleteSources>();

        await cast.ExpectAsync(
            Cast.Matrix(owner: Allowed, admin: Allowed, member: Allowed, nonMember: Forbidden, anonymous: Forbidden),
            async (actor, userId) => got[actor] = await db.Get<AutocompleteService>().GetSourcesAsync(userId, cast.ChannelId));

        foreach (var member in Cast.Members)
        {
            Assert.Equal(["olga", "adam", "mia"], got[member].Members.Select(m => m.UserName));
            Assert.Equal(["general"], got[member].Channels.Select(c => c.Name));
        }

        // The same rule that decides whether a stored @everyone notifies anyone (MessageService).
        Assert.True(got[Actor.Owner].MayMentionEveryone);
        Assert.True(got[Actor.Admin].MayMentionEveryone);
        Assert.False(got[Actor.Member].MayMentionEveryone);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetSourcesAsync_ChannelsOfThisServerOnly_InSidebarOrder(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var channels = db.Get<ChannelService>();
        var books = await channels.CreateAsync(cast.Owner.Id, cast.CommunityId, "Libros en español");
        var other = await db.Get<CommunityService>().CreateAsync(cast.NonMember.Id, "Other", null, isPublic: true);
        await channels.CreateAsync(cast.NonMember.Id, other.Id, "secret-plans");
        await channels.ReorderAsync(cast.Owner.Id, cast.CommunityId, [books.Id, cast.ChannelId]);

        var sources = await db.Get<AutocompleteService>().GetSourcesAsync(cast.Member.Id, cast.ChannelId);

        Assert.Equal(["libros-en-español", "general"], sources.Channels.Select(c => c.Name));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task GetSourcesAsync_UnknownChannel_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);

        await Assert.ThrowsAsync<NotFoundException>(() => db.Get<AutocompleteService>().GetSourcesAsync(cast.Member.Id, 999_999));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ChosenMention_NotifiesExactlyAsATypedOne(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var sources = await db.Get<AutocompleteService>().GetSourcesAsync(cast.Owner.Id, cast.ChannelId);
        var list = new ComposerAutocomplete();
        list.Update("see you @mi", 11, sources, cast.Owner.Id);
        var (chosen, caret) = list.Choose("see you @mi")!.Value;
        var written = chosen[..caret] + "at six";

        var fromList = await SendAsync(db, cast.Owner.Id, cast.ChannelId, written);
        var typed = await SendAsync(db, cast.Owner.Id, cast.ChannelId, "see you @mia at six");

        Assert.Equal("see you @mia at six", written);
        Assert.Equal(await NotifiedAsync(db, typed.Id), await NotifiedAsync(db, fromList.Id));
        Assert.Equal([(cast.Member.Id, NotificationKind.Mentioned)], await NotifiedAsync(db, fromList.Id));
        Assert.Equal(await MentionedAsync(db, typed.Id), await MentionedAsync(db, fromList.Id));
        Assert.Equal([cast.Member.Id], await MentionedAsync(db, fromList.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task ChosenEveryone_FromAnAdmin_NotifiesAllOtherMembers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cast = await Cast.CreateAsync(db);
        var sources = await db.Get<AutocompleteService>().GetSourcesAsync(cast.Admin.Id, cast.ChannelId);
        var list = new ComposerAutocomplete();
        list.Update("@every", 6, sources, cast.Admin.Id);
        var (chosen, _) = list.Choose("@every")!.Value;

        var sent = await SendAsync(db, cast.Admin.Id, cast.ChannelId, chosen + "books tonight");

        Assert.Equal("@everyone books tonight", sent.Content);
        Assert.Equal(
            new[] { cast.Owner.Id, cast.Member.Id }.Order(StringComparer.Ordinal),
            (await NotifiedAsync(db, sent.Id)).Select(n => n.UserId));
    }

    private static Task<MessageView> SendAsync(TestDatabase db, string userId, int channelId, string text) =>
        db.Get<MessageService>().SendAsync(userId, channelId, text, Guid.NewGuid());

    private static async Task<IReadOnlyList<(string UserId, NotificationKind Kind)>> NotifiedAsync(TestDatabase db, long messageId)
    {
        await using var context = await db.CreateContextAsync();
        var rows = await context.Notifications.Where(n => n.MessageId == messageId).Select(n => new { n.UserId, n.Kind }).ToListAsync();
        return [.. rows.Select(r => (r.UserId, r.Kind)).OrderBy(r => r.UserId, StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<string>> MentionedAsync(TestDatabase db, long messageId)
    {
        await using var context = await db.CreateContextAsync();
        var users = await context.Mentions.Where(m => m.MessageId == messageId).Select(m => m.UserId).ToListAsync();
        return [.. users.Order(StringComparer.Ordinal)];
    }
}
