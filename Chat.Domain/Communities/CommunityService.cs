using System.Linq.Expressions;
using Chat.Domain.Channels;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;
using Chat.Domain.Text;
using Microsoft.Extensions.Logging;

namespace Chat.Domain.Communities;

public sealed partial class CommunityService(
    IDbContextFactory<ChatDbContext> dbFactory,
    ChatHub hub,
    TimeProvider clock,
    WriteRateLimiter rateLimiter,
    ILogger<CommunityService> logger)
{
    public const string DefaultChannelName = "general";
    public const int SearchPageSize = 20;

    private static readonly Expression<Func<Membership, MemberView>> ToMemberView =
        m => new MemberView(m.UserId, m.User!.UserName!, m.User.DisplayName, m.Role, m.User.AvatarVersion);

    /// <summary>The communities the user belongs to, in the order they joined them.</summary>
    public async Task<IReadOnlyList<CommunitySummary>> GetMineAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.Community!.Kind == CommunityKind.Server)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.CommunityId)
            .Select(m => new CommunitySummary(
                m.CommunityId,
                m.Community!.Name,
                m.Community.Channels.OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public async Task<CommunityDetail> GetAsync(int communityId, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await Access.RequireMemberAsync(db, communityId, userId, ct);
        return await db.Communities.AsNoTracking()
            .Where(c => c.Id == communityId)
            .Select(c => new CommunityDetail(c.Id, c.Name, c.Description, c.IsPublic, role) { IsDirect = c.Kind == CommunityKind.Direct })
            .SingleAsync(ct);
    }

    /// <summary>Creates a community owned by the user, with a first channel so there is somewhere to talk.</summary>
    public async Task<CommunitySummary> CreateAsync(
        string userId, string name, string? description, bool isPublic, CancellationToken ct = default)
    {
        (name, description) = Validate(name, description);
        rateLimiter.Acquire(WriteAction.CreateServer, userId);
        var now = clock.GetUtcNow().UtcDateTime;
        var general = new Channel { Name = DefaultChannelName, CreatedAt = now };
        var community = new Community
        {
            Name = name,
            Description = description,
            IsPublic = isPublic,
            CreatedAt = now,
            Memberships = [new Membership { UserId = userId, Role = MemberRole.Owner, JoinedAt = now }],
            Channels = [general],
        };

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Communities.Add(community);
        await db.SaveChangesAsync(ct);
        await hub.PublishAsync(new MembershipsChanged(userId));
        return new CommunitySummary(community.Id, community.Name, general.Id);
    }

    /// <summary>Owner and admins change the name, description and visibility.</summary>
    public async Task UpdateAsync(
        string? userId, int communityId, string name, string? description, bool isPublic, CancellationToken ct = default)
    {
        (name, description) = Validate(name, description);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireRoleAsync(db, communityId, userId, MemberRole.Admin, DomainErrors.OnlyAdminsEditServer, ct);
        var community = await db.Communities.SingleAsync(c => c.Id == communityId, ct);
        community.Name = name;
        community.Description = description;
        community.IsPublic = isPublic;
        await db.SaveChangesAsync(ct);
        await hub.PublishAsync(new CommunityUpdated(communityId, name, description, isPublic));
    }

    /// <summary>Only the owner deletes, and must type the server's name to confirm.</summary>
    public async Task DeleteAsync(string? userId, int communityId, string confirmName, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenAsync(
            dbFactory, userId, communityId, MemberRole.Owner, DomainErrors.OnlyOwnerDeletesServer, ct);
        var db = scope.Db;
        var community = await db.Communities.SingleAsync(c => c.Id == communityId, ct);
        if (!string.Equals(confirmName?.Trim(), community.Name, StringComparison.Ordinal))
        {
            throw DomainErrors.ConfirmServerName(nameof(confirmName));
        }

        var members = await db.Memberships.Where(m => m.CommunityId == communityId).Select(m => m.UserId).ToListAsync(ct);
        db.Communities.Remove(community);
        await db.SaveChangesAsync(ct);
        LogDeleted(logger, communityId, scope.UserId, members.Count);
        await hub.PublishAsync(new CommunityDeleted(communityId));
        foreach (var member in members)
        {
            await hub.PublishAsync(new MembershipsChanged(member));
        }
    }

    /// <summary>Public communities whose name contains the query, whatever its case and accents, most members first.</summary>
    public async Task<CommunitySearchPage> SearchAsync(
        string? userId, string? query, int page = 0, CancellationToken ct = default)
    {
        page = Math.Max(0, page);
        // Compared folded on both sides (Text/SearchText): "cancion" and "CANCIÓN" find "Canción" on every database.
        var term = SearchText.Fold((query ?? "").Trim());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matches = db.Communities.AsNoTracking().Where(c => c.IsPublic && c.Kind == CommunityKind.Server);
        if (term.Length > 0)
        {
            matches = matches.Where(c => c.SearchName.Contains(term));
        }

        // Ordered on the entity, not on the record: EF cannot translate an ORDER BY on a constructor's argument. By
        // the folded name, so "Árbol" sorts among the a's on every database, not after "Zorro".
        var rows = await matches
            .OrderByDescending(c => c.Memberships.Count).ThenBy(c => c.SearchName).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(page * SearchPageSize)
            .Take(SearchPageSize + 1)
            .Select(c => new CommunitySearchResult(
                c.Id, c.Name, c.Description, c.Memberships.Count, c.Memberships.Any(m => m.UserId == userId)))
            .ToListAsync(ct);
        return new CommunitySearchPage(rows.Take(SearchPageSize).ToList(), page, rows.Count > SearchPageSize);
    }

    /// <summary>Joins a public community; joining twice, even at the same moment, leaves one membership.</summary>
    public async Task<CommunitySummary> JoinAsync(string? userId, int communityId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new { c.IsPublic })
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.ServerNotFound();
        var isMember = await db.Memberships.AnyAsync(m => m.CommunityId == communityId && m.UserId == userId, ct);
        if (!isMember)
        {
            if (!community.IsPublic)
            {
                throw DomainErrors.PrivateServer();
            }

            if (await TryAddMemberAsync(db, communityId, userId, ct))
            {
                await PublishJoinedAsync(communityId, userId, ct);
            }
        }

        return await SummaryAsync(db, communityId, ct);
    }

    /// <summary>
    /// Adds a plain member; false when the user already is one (another tab joined at the same moment and the
    /// key kept one membership). Publishes nothing: callers publish with <see cref="PublishJoinedAsync"/> once
    /// their transaction is committed.
    /// </summary>
    internal async Task<bool> TryAddMemberAsync(ChatDbContext db, int communityId, string userId, CancellationToken ct)
    {
        db.Memberships.Add(new Membership
        {
            CommunityId = communityId,
            UserId = userId,
            Role = MemberRole.Member,
            JoinedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Tells the members about the newcomer, and the newcomer's other tabs about the new server.</summary>
    internal async Task PublishJoinedAsync(int communityId, string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.UserId == userId)
            .Select(ToMemberView)
            .SingleAsync(ct);
        await hub.PublishAsync(new MemberJoined(communityId, member));
        await hub.PublishAsync(new MembershipsChanged(userId));
    }

    /// <summary>Any member but the owner can leave (the owner transfers ownership or deletes the server).</summary>
    public async Task LeaveAsync(string? userId, int communityId, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenAsync(dbFactory, userId, communityId, ct);
        var db = scope.Db;
        if (scope.Caller.Role == MemberRole.Owner)
        {
            throw DomainErrors.OwnerCannotLeave();
        }

        // A group conversation can be left; one of two cannot (there is one per pair: block the person instead).
        if (await db.Communities.AnyAsync(c => c.Id == communityId && c.DirectKey != null, ct))
        {
            throw DomainErrors.NotAServerAction();
        }

        await RemoveMemberAsync(db, communityId, scope.UserId, ct);
    }

    /// <summary>Owner and admins remove members of a lower role than their own.</summary>
    public async Task KickAsync(string? userId, int communityId, string memberId, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenAsync(
            dbFactory, userId, communityId, MemberRole.Admin, DomainErrors.OnlyAdminsRemoveMembers, ct);
        var theirRole = await RoleOfAsync(scope.Db, communityId, memberId, ct);
        if (theirRole >= scope.Caller.Role)
        {
            throw DomainErrors.RemoveOnlyLowerRoles();
        }

        await RemoveMemberAsync(scope.Db, communityId, memberId, ct);
        LogRemoved(logger, memberId, communityId, scope.UserId);
    }

    /// <summary>The owner makes a member an admin, or an admin a member again.</summary>
    public async Task SetRoleAsync(
        string? userId, int communityId, string memberId, MemberRole role, CancellationToken ct = default)
    {
        if (role == MemberRole.Owner)
        {
            throw DomainErrors.UseTransferOwnership();
        }

        // Roles are compared by value, so an undefined one above Owner would outrank the owner.
        if (!Enum.IsDefined(role))
        {
            throw DomainErrors.RoleUnknown(nameof(role));
        }

        await using var scope = await MemberScope.OpenAsync(
            dbFactory, userId, communityId, MemberRole.Owner, DomainErrors.OnlyOwnerChangesRoles, ct);
        var db = scope.Db;
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.CommunityId == communityId && m.UserId == memberId, ct)
            ?? throw DomainErrors.UserNotMember();
        if (membership.Role == MemberRole.Owner)
        {
            throw DomainErrors.OwnerRoleFixed();
        }

        membership.Role = role;
        await db.SaveChangesAsync(ct);
        LogRoleChanged(logger, memberId, communityId, role, scope.UserId);
        await hub.PublishAsync(new MemberRoleChanged(communityId, memberId, role));
    }

    /// <summary>The owner hands the server to another member and becomes an admin.</summary>
    public async Task TransferOwnershipAsync(
        string? userId, int communityId, string newOwnerId, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenAsync(
            dbFactory, userId, communityId, MemberRole.Owner, DomainErrors.OnlyOwnerTransfersOwnership, ct);
        var ownerId = scope.UserId;
        var memberships = await scope.Db.Memberships
            .Where(m => m.CommunityId == communityId && (m.UserId == ownerId || m.UserId == newOwnerId))
            .ToListAsync(ct);
        var next = memberships.SingleOrDefault(m => m.UserId == newOwnerId && m.UserId != ownerId)
            ?? throw DomainErrors.NewOwnerNotMember();
        memberships.Single(m => m.UserId == ownerId).Role = MemberRole.Admin;
        next.Role = MemberRole.Owner;
        await scope.Db.SaveChangesAsync(ct);
        LogOwnershipTransferred(logger, communityId, ownerId, newOwnerId);
        await hub.PublishAsync(new MemberRoleChanged(communityId, ownerId, MemberRole.Admin));
        await hub.PublishAsync(new MemberRoleChanged(communityId, newOwnerId, MemberRole.Owner));
    }

    /// <summary>The members, owner first, then admins, then everyone else by name; members only.</summary>
    public async Task<IReadOnlyList<MemberView>> GetMembersAsync(int communityId, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        return await MembersOfAsync(db, communityId, ct);
    }

    internal static async Task<List<MemberView>> MembersOfAsync(ChatDbContext db, int communityId, CancellationToken ct) =>
        await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId)
            .OrderByDescending(m => m.Role).ThenBy(m => m.User!.DisplayName).ThenBy(m => m.UserId)
            .Select(ToMemberView)
            .ToListAsync(ct);

    private async Task RemoveMemberAsync(ChatDbContext db, int communityId, string memberId, CancellationToken ct)
    {
        var removed = await db.Memberships.Where(m => m.CommunityId == communityId && m.UserId == memberId)
            .ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return;
        }

        await hub.PublishAsync(new MemberLeft(communityId, memberId));
        await hub.PublishAsync(new MembershipsChanged(memberId));
    }

    private static async Task<MemberRole> RoleOfAsync(ChatDbContext db, int communityId, string memberId, CancellationToken ct) =>
        await db.Memberships.Where(m => m.CommunityId == communityId && m.UserId == memberId)
            .Select(m => (MemberRole?)m.Role).SingleOrDefaultAsync(ct)
        ?? throw DomainErrors.UserNotMember();

    internal static Task<CommunitySummary> SummaryAsync(ChatDbContext db, int communityId, CancellationToken ct) =>
        db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new CommunitySummary(
                c.Id, c.Name, c.Channels.OrderBy(ch => ch.Position).ThenBy(ch => ch.Id).Select(ch => (int?)ch.Id).FirstOrDefault()))
            .SingleAsync(ct);

    private static (string Name, string? Description) Validate(string? name, string? description)
    {
        name = name?.Trim() ?? "";
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (name.Length is < Community.NameMinLength or > Community.NameMaxLength)
        {
            throw DomainErrors.ServerNameLength(Community.NameMinLength, Community.NameMaxLength);
        }

        if (description?.Length > Community.DescriptionMaxLength)
        {
            throw DomainErrors.DescriptionTooLong(Community.DescriptionMaxLength);
        }

        VisibleText.RequireName(name, TextSubject.ServerName, "name");
        VisibleText.RequireVisible(description, multiline: true, TextSubject.Description, "description");

        return (name, description);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Server {CommunityId} deleted by its owner {UserId}, with its {Members} members")]
    private static partial void LogDeleted(ILogger logger, int communityId, string userId, int members);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {MemberId} removed from server {CommunityId} by {UserId}")]
    private static partial void LogRemoved(ILogger logger, string memberId, int communityId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {MemberId} of server {CommunityId} made {Role} by the owner {UserId}")]
    private static partial void LogRoleChanged(ILogger logger, string memberId, int communityId, MemberRole role, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server {CommunityId} handed over by {UserId} to {NewOwnerId}")]
    private static partial void LogOwnershipTransferred(ILogger logger, int communityId, string userId, string newOwnerId);
}
