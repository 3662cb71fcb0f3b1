using System.Security.Cryptography;
using Chat.Domain.Communities;
using Chat.Domain.Notifications;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;

namespace Chat.Domain.Invitations;

/// <summary>Two ways in: a direct invitation by username (accept or decline), and a shareable link.</summary>
public sealed class InvitationService(
    IDbContextFactory<ChatDbContext> dbFactory,
    ChatHub hub,
    TimeProvider clock,
    CommunityService communities,
    NotificationService notifications,
    WriteRateLimiter rateLimiter)
{
    private const string CodeAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Owner and admins may invite to any server; any member may invite to a public one. One pending invitation
    /// per user and server; it expires after a week.
    /// </summary>
    public async Task<InvitationView> InviteAsync(
        string? inviterId, int communityId, string inviteeUserName, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await Access.RequireMemberAsync(db, communityId, inviterId, ct);
        var community = await db.Communities.Where(c => c.Id == communityId).Select(c => new { c.IsPublic, c.Kind }).SingleAsync(ct);
        if (community.Kind != CommunityKind.Server)
        {
            // A conversation's participants are chosen when it starts (Direct/DirectMessageService).
            throw DomainErrors.NotAServerAction();
        }

        var isPublic = community.IsPublic;
        if (role < MemberRole.Admin && !isPublic)
        {
            throw DomainErrors.OnlyAdminsInviteToPrivateServer();
        }

        var name = (inviteeUserName ?? "").Trim().TrimStart('@');
        var normalized = name.ToUpperInvariant();
        var invitee = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => new { u.Id, u.UserName })
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.NoSuchUser(name);
        if (await db.Memberships.AnyAsync(m => m.CommunityId == communityId && m.UserId == invitee.Id, ct))
        {
            throw DomainErrors.AlreadyMember(invitee.UserName!);
        }

        // Before the sweep of expired invitations, the first write.
        rateLimiter.Acquire(WriteAction.Invite, inviterId);
        var now = clock.GetUtcNow().UtcDateTime;
        await ExpireOldAsync(db, now, ct);
        if (await db.Invitations.AnyAsync(
                i => i.CommunityId == communityId && i.InviteeId == invitee.Id && i.Status == InvitationStatus.Pending, ct))
        {
            throw DomainErrors.AlreadyInvited(invitee.UserName!);
        }

        var invitation = new Invitation
        {
            CommunityId = communityId,
            InviterId = inviterId!,
            InviteeId = invitee.Id,
            CreatedAt = now,
            ExpiresAt = now + Invitation.Lifetime,
        };
        db.Invitations.Add(invitation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainErrors.AlreadyInvited(invitee.UserName!);
        }

        var notification = notifications.Add(db, invitee.Id, NotificationKind.InvitationReceived, inviterId,
            communityId, invitationId: invitation.Id);
        await db.SaveChangesAsync(ct);
        await notifications.PublishAsync([notification], ct);
        return await ViewAsync(db, invitation.Id, ct);
    }

    /// <summary>The user's invitations that wait for an answer.</summary>
    public async Task<IReadOnlyList<InvitationView>> GetPendingAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await Views(db, db.Invitations.Where(
                i => i.InviteeId == userId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .OrderByDescending(i => i.Id)).ToListAsync(ct);
    }

    public async Task<InvitationView> GetAsync(string? userId, long invitationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Invitations.AnyAsync(i => i.Id == invitationId && i.InviteeId == userId, ct))
        {
            throw DomainErrors.InvitationNotFound();
        }

        return await ViewAsync(db, invitationId, ct);
    }

    /// <summary>Only the invitee accepts; the server appears in their rail and the inviter is told.</summary>
    public async Task<CommunitySummary> AcceptAsync(string? userId, long invitationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await AnswerAsync(db, userId, invitationId, InvitationStatus.Accepted, ct);
        var joined = await communities.TryAddMemberAsync(db, invitation.CommunityId, userId!, ct);
        var notification = notifications.Add(db, invitation.InviterId, NotificationKind.InvitationAccepted, userId,
            invitation.CommunityId, invitationId: invitation.Id);
        await db.SaveChangesAsync(ct);
        if (joined)
        {
            await communities.PublishJoinedAsync(invitation.CommunityId, userId!, ct);
        }

        await notifications.PublishAsync([notification], ct);
        await hub.PublishAsync(new NotificationsChanged(userId!));
        return await CommunityService.SummaryAsync(db, invitation.CommunityId, ct);
    }

    /// <summary>Only the invitee declines; the inviter is told.</summary>
    public async Task DeclineAsync(string? userId, long invitationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invitation = await AnswerAsync(db, userId, invitationId, InvitationStatus.Declined, ct);
        var notification = notifications.Add(db, invitation.InviterId, NotificationKind.InvitationDeclined, userId,
            invitation.CommunityId, invitationId: invitation.Id);
        await db.SaveChangesAsync(ct);
        await notifications.PublishAsync([notification], ct);
        await hub.PublishAsync(new NotificationsChanged(userId!));
    }

    /// <summary>Owner and admins create a link with one of the offered lifetimes and use limits.</summary>
    public async Task<InviteLinkView> CreateLinkAsync(
        string? userId, int communityId, TimeSpan? lifetime, int? maxUses, CancellationToken ct = default)
    {
        if (!InviteLinkOptions.Lifetimes.Contains(lifetime))
        {
            throw DomainErrors.InviteLinkLifetime();
        }

        if (!InviteLinkOptions.MaxUses.Contains(maxUses))
        {
            throw DomainErrors.InviteLinkMaxUses();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireRoleAsync(db, communityId, userId, MemberRole.Admin, DomainErrors.OnlyAdminsCreateInviteLinks, ct);
        rateLimiter.Acquire(WriteAction.Invite, userId);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = new InviteLink
        {
            Code = RandomNumberGenerator.GetString(CodeAlphabet, InviteLink.CodeLength),
            CommunityId = communityId,
            CreatorId = userId!,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            MaxUses = maxUses,
        };
        db.InviteLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return await LinkViews(db, db.InviteLinks.Where(l => l.Code == link.Code)).SingleAsync(ct);
    }

    /// <summary>The server's links with their use counts, newest first; owner and admins only.</summary>
    public async Task<IReadOnlyList<InviteLinkView>> ListLinksAsync(string? userId, int communityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireRoleAsync(db, communityId, userId, MemberRole.Admin, DomainErrors.OnlyAdminsSeeInviteLinks, ct);
        return await LinkViews(db, db.InviteLinks.Where(l => l.CommunityId == communityId).OrderByDescending(l => l.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task RevokeLinkAsync(string? userId, string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.InviteLinks.SingleOrDefaultAsync(l => l.Code == code, ct)
            ?? throw DomainErrors.InviteLinkNotFound();
        await Access.RequireRoleAsync(db, link.CommunityId, userId, MemberRole.Admin, DomainErrors.OnlyAdminsRevokeInviteLinks, ct);
        rateLimiter.Acquire(WriteAction.Invite, userId);
        link.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the link leads to, and whether it still works; shown before anyone joins.</summary>
    public async Task<InviteLinkPreview> PreviewLinkAsync(string? userId, string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = await db.InviteLinks.AsNoTracking().Where(l => l.Code == code)
            .Select(l => new
            {
                l.Code,
                l.CommunityId,
                l.Community!.Name,
                l.Community.Description,
                Members = l.Community.Memberships.Count,
                IsMember = l.Community.Memberships.Any(m => m.UserId == userId),
                l.RevokedAt,
                l.ExpiresAt,
                l.MaxUses,
                l.Uses,
            })
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.InviteLinkNotFound();
        var state = link.RevokedAt is not null ? InviteLinkState.Revoked
            : link.ExpiresAt <= now ? InviteLinkState.Expired
            : link.Uses >= link.MaxUses ? InviteLinkState.UsedUp
            : InviteLinkState.Valid;
        return new InviteLinkPreview(link.Code, link.CommunityId, link.Name, link.Description, link.Members, state, link.IsMember);
    }

    /// <summary>
    /// Joins through a link, private servers included. The use is taken by one conditional UPDATE, so two people
    /// racing for a link's last use cannot both get in.
    /// </summary>
    public async Task<CommunitySummary> JoinByLinkAsync(string? userId, string code, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);

        var preview = await PreviewLinkAsync(userId, code, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (preview.IsMember)
        {
            return await CommunityService.SummaryAsync(db, preview.CommunityId, ct);
        }

        ThrowIfUnusable(preview.State);
        var now = clock.GetUtcNow().UtcDateTime;
        // PostgreSQL retries a command that failed on a dropped connection (ChatDatabase.Configure); a transaction
        // of our own is only allowed inside the execution strategy, which then repeats it whole.
        var strategy = db.Database.CreateExecutionStrategy();
        var (joined, notification) = await strategy.ExecuteAsync(async () =>
        {
            // A repeated attempt starts over: nothing the failed one tracked may be saved with it.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var taken = await db.InviteLinks
                .Where(l => l.Code == code && l.RevokedAt == null && (l.ExpiresAt == null || l.ExpiresAt > now)
                    && (l.MaxUses == null || l.Uses < l.MaxUses))
                .ExecuteUpdateAsync(l => l.SetProperty(x => x.Uses, x => x.Uses + 1), ct);
            if (taken == 0)
            {
                ThrowIfUnusable((await PreviewLinkAsync(userId, code, ct)).State);
                throw DomainErrors.InviteLinkBusy();
            }

            if (!await communities.TryAddMemberAsync(db, preview.CommunityId, userId, ct))
            {
                // Joined at the same moment in another tab (or by an attempt whose commit went through before its
                // connection dropped): give the use back by not committing.
                return (false, (Notification?)null);
            }

            var creator = await db.InviteLinks.Where(l => l.Code == code).Select(l => l.CreatorId).SingleAsync(ct);
            var added = creator == userId ? null
                : notifications.Add(db, creator, NotificationKind.JoinedThroughLink, userId, preview.CommunityId);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (true, added);
        });

        if (!joined)
        {
            return await CommunityService.SummaryAsync(db, preview.CommunityId, ct);
        }

        await communities.PublishJoinedAsync(preview.CommunityId, userId, ct);
        if (notification is not null)
        {
            await notifications.PublishAsync([notification], ct);
        }

        return await CommunityService.SummaryAsync(db, preview.CommunityId, ct);
    }

    private static void ThrowIfUnusable(InviteLinkState state)
    {
        switch (state)
        {
            case InviteLinkState.Expired:
                throw DomainErrors.InviteLinkExpired();
            case InviteLinkState.UsedUp:
                throw DomainErrors.InviteLinkUsedUp();
            case InviteLinkState.Revoked:
                throw DomainErrors.InviteLinkRevoked();
        }
    }

    private async Task<Invitation> AnswerAsync(
        ChatDbContext db, string? userId, long invitationId, InvitationStatus answer, CancellationToken ct)
    {
        var invitation = await db.Invitations.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == invitationId && i.InviteeId == userId, ct)
            ?? throw DomainErrors.InvitationNotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        // Expired either by the clock or already marked so by the sweep that any new invitation runs.
        if (invitation.Status == InvitationStatus.Expired
            || (invitation.Status == InvitationStatus.Pending && invitation.ExpiresAt <= now))
        {
            throw DomainErrors.InvitationExpired();
        }

        // One conditional UPDATE: of two answers at the same moment (two tabs, two clicks), one wins.
        var answered = await db.Invitations
            .Where(i => i.Id == invitationId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.Status, answer).SetProperty(x => x.AnsweredAt, now), ct);
        if (answered == 0)
        {
            throw DomainErrors.InvitationAnswered();
        }

        return invitation;
    }

    private static Task<int> ExpireOldAsync(ChatDbContext db, DateTime now, CancellationToken ct) =>
        db.Invitations.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.Status, InvitationStatus.Expired), ct);

    // Filter and order the entities, then project: EF cannot translate conditions on a record built by a constructor.
    private static IQueryable<InvitationView> Views(ChatDbContext db, IQueryable<Invitation> invitations) => invitations.AsNoTracking()
        .Select(i => new InvitationView(
            i.Id,
            i.CommunityId,
            i.Community!.Name,
            i.Community.Description,
            i.Community.Memberships.Count,
            db.Users.Where(u => u.Id == i.InviterId).Select(u => u.DisplayName).First(),
            i.Status,
            i.ExpiresAt));

    private static async Task<InvitationView> ViewAsync(ChatDbContext db, long invitationId, CancellationToken ct) =>
        await Views(db, db.Invitations.Where(i => i.Id == invitationId)).SingleAsync(ct);

    private static IQueryable<InviteLinkView> LinkViews(ChatDbContext db, IQueryable<InviteLink> links) => links.AsNoTracking()
        .Select(l => new InviteLinkView(
            l.Code,
            db.Users.Where(u => u.Id == l.CreatorId).Select(u => u.DisplayName).First(),
            l.CreatedAt,
            l.ExpiresAt,
            l.MaxUses,
            l.Uses,
            l.RevokedAt != null));
}
