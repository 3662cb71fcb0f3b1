using Chat.Domain.Communities;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Support;

/// <summary>The five kinds of caller every operation is checked against.</summary>
public enum Actor
{
    Owner,
    Admin,
    Member,
    NonMember,
    Anonymous,
}

/// <summary>What an actor's attempt must end in; anything refused must leave the database as it was.</summary>
public enum Outcome
{
    Allowed,
    Forbidden,
    NotFound,
    Invalid,
}

/// <summary>
/// One community with an owner (olga), an admin (adam) and a member (mia), plus a registered non-member (nick)
/// and the anonymous caller (a null user id), for the authorization matrices.
/// </summary>
public sealed class Cast
{
    private Cast(TestDatabase db, ChatUser owner, ChatUser admin, ChatUser member, ChatUser nonMember, CommunitySummary community)
    {
        Db = db;
        Owner = owner;
        Admin = admin;
        Member = member;
        NonMember = nonMember;
        CommunityId = community.Id;
        ChannelId = community.FirstChannelId!.Value;
        CommunityName = community.Name;
    }

    public TestDatabase Db { get; }

    public ChatUser Owner { get; }

    public ChatUser Admin { get; }

    public ChatUser Member { get; }

    public ChatUser NonMember { get; }

    public int CommunityId { get; }

    public string CommunityName { get; }

    /// <summary>The community's first channel, #general.</summary>
    public int ChannelId { get; }

    public static IReadOnlyList<Actor> All { get; } = Enum.GetValues<Actor>();

    /// <summary>The members, strongest first.</summary>
    public static IReadOnlyList<Actor> Members { get; } = [Actor.Owner, Actor.Admin, Actor.Member];

    public static async Task<Cast> CreateAsync(TestDatabase db, bool isPublic = false)
    {
        var owner = await db.CreateUserAsync("olga");
        var admin = await db.CreateUserAsync("adam");
        var member = await db.CreateUserAsync("mia");
        var nonMember = await db.CreateUserAsync("nick");
        var community = await db.Get<CommunityService>().CreateAsync(owner.Id, "Book club", null, isPublic);
        var cast = new Cast(db, owner, admin, member, nonMember, community);
        await cast.RestoreMembershipsAsync();
        return cast;
    }

    /// <summary>One row per actor, in the order written: <c>Matrix(owner: Allowed, admin: Allowed, ...)</c>.</summary>
    public static IReadOnlyList<(Actor Actor, Outcome Outcome)> Matrix(
        Outcome owner, Outcome admin, Outcome member, Outcome nonMember, Outcome anonymous) =>
        [(Actor.Owner, owner), (Actor.Admin, admin), (Actor.Member, member), (Actor.NonMember, nonMember), (Actor.Anonymous, anonymous)];

    public string? IdOf(Actor actor) => actor switch
    {
        Actor.Owner => Owner.Id,
        Actor.Admin => Admin.Id,
        Actor.Member => Member.Id,
        Actor.NonMember => NonMember.Id,
        Actor.Anonymous => null,
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, null),
    };

    /// <summary>Puts the three memberships back as they started, undoing a kick, a leave or a role change.</summary>
    public async Task RestoreMembershipsAsync()
    {
        await using var context = await Db.CreateContextAsync();
        await context.Memberships.Where(m => m.CommunityId == CommunityId).ExecuteDeleteAsync();
        var joinedAt = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        context.Memberships.AddRange(
            new Membership { CommunityId = CommunityId, UserId = Owner.Id, Role = MemberRole.Owner, JoinedAt = joinedAt },
            new Membership { CommunityId = CommunityId, UserId = Admin.Id, Role = MemberRole.Admin, JoinedAt = joinedAt.AddMinutes(1) },
            new Membership { CommunityId = CommunityId, UserId = Member.Id, Role = MemberRole.Member, JoinedAt = joinedAt.AddMinutes(2) });
        await context.SaveChangesAsync();
    }

    /// <summary>Runs <paramref name="act"/> for each row of the matrix; see the overload with an arrange step.</summary>
    public Task ExpectAsync(
        IEnumerable<(Actor Actor, Outcome Outcome)> matrix, Func<Actor, string?, Task> act, bool restoreMemberships = false) =>
        ExpectAsync(matrix, _ => Task.FromResult(0), (actor, userId, _) => act(actor, userId), restoreMemberships);

    /// <summary>
    /// For each actor: <paramref name="arrange"/> (outside the snapshot), then <paramref name="act"/>. Allowed must
    /// succeed; refused must throw exactly the expected exception and change no row of the community's tables.
    /// </summary>
    public async Task ExpectAsync<T>(
        IEnumerable<(Actor Actor, Outcome Outcome)> matrix,
        Func<Actor, Task<T>> arrange,
        Func<Actor, string?, T, Task> act,
        bool restoreMemberships = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(arrange);
        ArgumentNullException.ThrowIfNull(act);
        foreach (var (actor, outcome) in matrix)
        {
            if (restoreMemberships)
            {
                await RestoreMembershipsAsync();
            }

            var state = await arrange(actor);
            var before = await DatabaseSnapshot.TakeAsync(Db);

            var error = await Record.ExceptionAsync(() => act(actor, IdOf(actor), state));

            await AssertOutcomeAsync(Db, actor, outcome, error, before);
        }
    }

    /// <summary>
    /// One actor's row of a matrix: allowed must have succeeded; refused must have thrown exactly the expected
    /// exception and changed no row since <paramref name="before"/>. Shared with <see cref="ConversationCast"/>.
    /// </summary>
    internal static async Task AssertOutcomeAsync(
        TestDatabase db, object actor, Outcome outcome, Exception? error, IReadOnlyList<object> before)
    {
        var expected = outcome switch
        {
            Outcome.Allowed => null,
            Outcome.Forbidden => typeof(ForbiddenException),
            Outcome.NotFound => typeof(NotFoundException),
            Outcome.Invalid => typeof(ValidationException),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        };
        Assert.True(
            error?.GetType() == expected,
            $"{actor}: expected {expected?.Name ?? "success"}, got {error?.GetType().Name ?? "success"} {error?.Message}");
        if (expected is not null)
        {
            DatabaseSnapshot.AssertUnchanged(before, await DatabaseSnapshot.TakeAsync(db), $"{actor} was refused");
        }
    }
}

/// <summary>Every row a domain operation can change, to prove that a refused one changed nothing.</summary>
public static class DatabaseSnapshot
{
    public static async Task<IReadOnlyList<object>> TakeAsync(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var c = await db.CreateContextAsync();
        var rows = new List<object>();
        rows.AddRange(await c.Communities.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { Table = "community", x.Id, x.Name, x.Description, x.IsPublic, x.Kind, x.DirectKey }).ToListAsync());
        rows.AddRange(await c.Memberships.AsNoTracking().OrderBy(x => x.CommunityId).ThenBy(x => x.UserId)
            .Select(x => new { Table = "membership", x.CommunityId, x.UserId, x.Role, x.JoinedAt, x.Muted }).ToListAsync());
        rows.AddRange(await c.Channels.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { Table = "channel", x.Id, x.CommunityId, x.Name, x.Topic, x.Position }).ToListAsync());
        rows.AddRange(await c.Messages.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { Table = "message", x.Id, x.ChannelId, x.AuthorId, x.Content, x.EditedAt, x.Version, x.Nonce, x.ReplyToId })
            .ToListAsync());
        rows.AddRange(await c.MessageRevisions.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { Table = "revision", x.Id, x.MessageId, x.Content }).ToListAsync());
        rows.AddRange(await c.ChannelReadStates.AsNoTracking().OrderBy(x => x.UserId).ThenBy(x => x.ChannelId)
            .Select(x => new { Table = "read state", x.UserId, x.ChannelId, x.LastReadMessageId }).ToListAsync());
        rows.AddRange(await c.Mentions.AsNoTracking().OrderBy(x => x.MessageId).ThenBy(x => x.UserId)
            .Select(x => new { Table = "mention", x.MessageId, x.UserId, x.ChannelId }).ToListAsync());
        rows.AddRange(await c.Reactions.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { Table = "reaction", x.Id, x.MessageId, x.UserId, x.Emoji }).ToListAsync());
        rows.AddRange(await c.Pins.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { Table = "pin", x.Id, x.MessageId, x.PinnedById, x.PinnedAt }).ToListAsync());
        rows.AddRange(await c.Invitations.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { Table = "invitation", x.Id, x.CommunityId, x.InviterId, x.InviteeId, x.Status, x.ExpiresAt, x.AnsweredAt })
            .ToListAsync());
        rows.AddRange(await c.InviteLinks.AsNoTracking().OrderBy(x => x.Code)
            .Select(x => new { Table = "invite link", x.Code, x.CommunityId, x.ExpiresAt, x.MaxUses, x.Uses, x.RevokedAt })
            .ToListAsync());
        rows.AddRange(await c.Notifications.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { Table = "notification", x.Id, x.UserId, x.Kind, x.ActorId, x.CommunityId, x.MessageId, x.ReadAt })
            .ToListAsync());
        rows.AddRange(await c.UserBlocks.AsNoTracking().OrderBy(x => x.BlockerId).ThenBy(x => x.BlockedId)
            .Select(x => new { Table = "block", x.BlockerId, x.BlockedId }).ToListAsync());
        // Only settings away from the default, so that a database without servers has no rows.
        rows.AddRange(await c.Users.AsNoTracking().Where(x => x.DirectMessages != Chat.Domain.Direct.DirectMessagePrivacy.SharedServers)
            .OrderBy(x => x.Id).Select(x => new { Table = "privacy", x.Id, x.DirectMessages }).ToListAsync());
        // Whose picture, what kind and how big: enough to see one stored, replaced or removed.
        rows.AddRange(await c.Avatars.AsNoTracking().OrderBy(x => x.UserId)
            .Select(x => new { Table = "avatar", x.UserId, x.ContentType, x.Bytes.Length }).ToListAsync());
        // Files: a refused upload or send must leave no row and no bytes behind.
        rows.AddRange(await c.Attachments.AsNoTracking().OrderBy(x => x.Id)
            .Select(x => new { Table = "attachment", x.Id, x.MessageId, x.UploaderId, x.FileName, x.ContentType, x.Size, x.Kind }).ToListAsync());
        rows.AddRange(await c.AttachmentContents.AsNoTracking().OrderBy(x => x.AttachmentId)
            .Select(x => new { Table = "attachment content", x.AttachmentId, x.Bytes.Length }).ToListAsync());
        return rows;
    }

    public static void AssertUnchanged(IReadOnlyList<object> before, IReadOnlyList<object> after, string because)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.SequenceEqual(after))
        {
            return;
        }

        var removed = before.Except(after).Select(r => "- " + r);
        var added = after.Except(before).Select(r => "+ " + r);
        Assert.Fail($"{because}, but the database changed:\n{string.Join('\n', removed.Concat(added))}");
    }
}
