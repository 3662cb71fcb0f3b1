using Chat.Domain.Communities;
using Chat.Domain.Channels;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;

namespace Chat.Domain.Direct;

/// <summary>
/// Direct conversations: each is a community of kind <see cref="CommunityKind.Direct"/> whose members are the
/// participants and whose one channel holds the messages, so sending, editing, reactions, replies, mentions, unread
/// state and live delivery are the servers' own (docs/decisions/0015-direct-messages.md). This service starts,
/// finds and lists them; sending goes through MessageService.
/// </summary>
public sealed class DirectMessageService(
    IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, TimeProvider clock, WriteRateLimiter rateLimiter)
{
    /// <summary>The most people one may start a conversation with, oneself not counted.</summary>
    public const int MaxOthers = 10;

    public const int ContactsLimit = 200;

    /// <summary>
    /// Opens the conversation with one person if it exists, else starts it; with several people, always starts a
    /// new group. Each other person must accept messages from the starter (their privacy setting) and not have
    /// blocked them.
    /// </summary>
    public async Task<ConversationDetail> StartAsync(
        string? userId, IReadOnlyCollection<string> otherUserIds, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        ArgumentNullException.ThrowIfNull(otherUserIds);
        var others = otherUserIds.Where(id => id != userId).Distinct().ToList();
        if (others.Count is 0 or > MaxOthers)
        {
            throw DomainErrors.ConversationSize(MaxOthers);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => others.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.DirectMessages,
                BlockedMe = db.UserBlocks.Any(b => b.BlockerId == u.Id && b.BlockedId == userId),
                IBlocked = db.UserBlocks.Any(b => b.BlockerId == userId && b.BlockedId == u.Id),
                // Members of a server (never a conversation) that the starter is in too.
                SharesServer = db.Memberships.Any(m => m.UserId == u.Id && m.Community!.Kind == CommunityKind.Server
                    && db.Memberships.Any(mine => mine.UserId == userId && mine.CommunityId == m.CommunityId)),
            })
            .ToListAsync(ct);
        if (people.Count != others.Count)
        {
            throw DomainErrors.PersonNotFound();
        }

        if (people.Any(p => p.BlockedMe))
        {
            throw DomainErrors.BlockedByRecipient();
        }

        if (people.FirstOrDefault(p => p.IBlocked) is { } blocked)
        {
            throw DomainErrors.YouBlockedThem(blocked.DisplayName);
        }

        // Nobody leaves a conversation of two (CommunityService.LeaveAsync), so the pair's one conversation has both.
        var key = others.Count == 1 ? PairKey(userId, others[0]) : null;
        if (key is not null && await FindPairAsync(db, key, ct) is { } existing)
        {
            // Started before: opening it again is not new, whatever the privacy setting says now.
            return await DetailAsync(db, existing, userId, ct);
        }

        if (people.FirstOrDefault(p => p.DirectMessages == DirectMessagePrivacy.Nobody) is { } closed)
        {
            throw DomainErrors.NotAcceptingMessages(closed.DisplayName);
        }

        if (people.FirstOrDefault(p => !p.SharesServer) is { } stranger)
        {
            throw DomainErrors.NoSharedServer(stranger.DisplayName);
        }

        rateLimiter.Acquire(WriteAction.Invite, userId);
        var id = await CreateAsync(db, key, [userId, .. others], ct);
        foreach (var participant in others.Append(userId))
        {
            await hub.PublishAsync(new MembershipsChanged(participant));
        }

        return await DetailAsync(db, id, userId, ct);
    }

    /// <summary>The user's conversations, latest activity first, each with its unread and mention counts.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string? userId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
                from ms in db.Memberships.AsNoTracking()
                where ms.UserId == userId && ms.Community!.Kind == CommunityKind.Direct
                join c in db.Channels on ms.CommunityId equals c.CommunityId
                join r in db.ChannelReadStates.Where(r => r.UserId == userId) on c.Id equals r.ChannelId into markers
                from r in markers.DefaultIfEmpty()
                select new { ms.CommunityId, ChannelId = c.Id, ms.Community!.CreatedAt, LastRead = r == null ? 0L : r.LastReadMessageId })
            .Select(c => new
            {
                c.CommunityId,
                c.ChannelId,
                c.CreatedAt,
                // Written out, not through DirectRules.VisibleTo: EF cannot expand a method inside a subquery.
                LastMessageId = db.Messages
                    .Where(m => m.ChannelId == c.ChannelId && !db.UserBlocks.Any(b => b.BlockerId == userId && b.BlockedId == m.AuthorId))
                    .Max(m => (long?)m.Id),
                Unread = db.Messages.Count(m => m.ChannelId == c.ChannelId && m.Id > c.LastRead && m.AuthorId != userId
                    && !db.UserBlocks.Any(b => b.BlockerId == userId && b.BlockedId == m.AuthorId)),
                Mentions = db.Mentions.Count(m => m.UserId == userId && m.ChannelId == c.ChannelId && m.MessageId > c.LastRead),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.CommunityId).ToList();
        var people = await OthersAsync(db, ids, userId, ct);
        var lastIds = rows.Where(r => r.LastMessageId is not null).Select(r => r.LastMessageId!.Value).ToList();
        var lastTimes = await db.Messages.AsNoTracking().Where(m => lastIds.Contains(m.Id))
            .Select(m => new { m.Id, m.CreatedAt }).ToDictionaryAsync(m => m.Id, m => m.CreatedAt, ct);
        var blocked = await BlockedIdsAsync(db, userId, ct);
        return rows
            .Select(r => new ConversationSummary(
                r.CommunityId,
                r.ChannelId,
                people.GetValueOrDefault(r.CommunityId) ?? [],
                r.LastMessageId is { } last && lastTimes.TryGetValue(last, out var at) ? at : r.CreatedAt,
                r.Unread,
                r.Mentions))
            // A conversation with only someone the user blocked is out of sight until they unblock.
            .Where(c => !(c.Others.Count == 1 && blocked.Contains(c.Others[0].UserId)))
            .OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
            .ToList();
    }

    /// <summary>How many unread direct messages the user has, for the badge on the rail.</summary>
    public async Task<int> CountUnreadAsync(string? userId, CancellationToken ct = default) =>
        (await ListAsync(userId, ct)).Sum(c => c.UnreadCount);

    /// <summary>One conversation, for its page; participants only.</summary>
    public async Task<ConversationDetail> GetAsync(string? userId, int conversationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireParticipantAsync(db, conversationId, userId, ct);
        return await DetailAsync(db, conversationId, userId!, ct);
    }

    /// <summary>The people the user shares a server with, by name: whom "New message" offers.</summary>
    public async Task<IReadOnlyList<ConversationPerson>> GetContactsAsync(string? userId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Memberships.Where(m => m.UserId == userId && m.Community!.Kind == CommunityKind.Server)
            .Select(m => m.CommunityId);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id != userId && db.Memberships.Any(m => m.UserId == u.Id && mine.Contains(m.CommunityId)))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)
            .Take(ContactsLimit)
            .Select(u => new ConversationPerson(u.Id, u.UserName!, u.DisplayName, u.AvatarVersion))
            .ToListAsync(ct);
    }

    /// <summary>Membership of a conversation (not of a server: a server's id is "not found" here).</summary>
    internal static async Task RequireParticipantAsync(ChatDbContext db, int conversationId, string? userId, CancellationToken ct)
    {
        Access.RequireLoggedIn(userId);
        if (!await db.Communities.AnyAsync(c => c.Id == conversationId && c.Kind == CommunityKind.Direct, ct))
        {
            throw DomainErrors.ConversationNotFound();
        }

        await Access.RequireMemberAsync(db, conversationId, userId, ct);
    }

    internal static string PairKey(string a, string b) =>
        string.CompareOrdinal(a, b) < 0 ? a + " " + b : b + " " + a;

    private async Task<int> CreateAsync(
        ChatDbContext db, string? key, IReadOnlyList<string> participants, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var conversation = new Community
        {
            Name = "",
            Kind = CommunityKind.Direct,
            DirectKey = key,
            CreatedAt = now,
            Memberships = [.. participants.Select(p => new Membership { UserId = p, Role = MemberRole.Member, JoinedAt = now })],
            Channels = [new Channel { Name = CommunityService.DefaultChannelName, CreatedAt = now }],
        };
        db.Communities.Add(conversation);
        try
        {
            await db.SaveChangesAsync(ct);
            return conversation.Id;
        }
        catch (DbUpdateException) when (key is not null)
        {
            // Both people started it at the same moment; the unique key let one in, and that one is the answer.
            db.ChangeTracker.Clear();
            return await FindPairAsync(db, key, ct) ?? throw DomainErrors.ConversationNotFound();
        }
    }

    private static Task<int?> FindPairAsync(ChatDbContext db, string key, CancellationToken ct) =>
        db.Communities.Where(c => c.DirectKey == key).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);

    private static async Task<ConversationDetail> DetailAsync(ChatDbContext db, int conversationId, string userId, CancellationToken ct)
    {
        var channelId = await db.Channels.Where(c => c.CommunityId == conversationId)
            .OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct);
        var others = (await OthersAsync(db, [conversationId], userId, ct)).GetValueOrDefault(conversationId) ?? [];
        var blocked = await BlockedIdsAsync(db, userId, ct);
        return new ConversationDetail(conversationId, channelId, others,
            others.Where(o => blocked.Contains(o.UserId)).Select(o => o.UserId).ToList());
    }

    private static async Task<Dictionary<int, IReadOnlyList<ConversationPerson>>> OthersAsync(
        ChatDbContext db, IReadOnlyList<int> conversationIds, string userId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => conversationIds.Contains(m.CommunityId) && m.UserId != userId)
            .OrderBy(m => m.User!.DisplayName).ThenBy(m => m.UserId)
            .Select(m => new { m.CommunityId, Person = new ConversationPerson(m.UserId, m.User!.UserName!, m.User.DisplayName, m.User.AvatarVersion) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CommunityId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ConversationPerson>)g.Select(r => r.Person).ToList());
    }

    private static async Task<HashSet<string>> BlockedIdsAsync(ChatDbContext db, string userId, CancellationToken ct) =>
        [.. await db.UserBlocks.Where(b => b.BlockerId == userId).Select(b => b.BlockedId).ToListAsync(ct)];
}
