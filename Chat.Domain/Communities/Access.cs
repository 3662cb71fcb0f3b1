using System.Diagnostics.CodeAnalysis;

namespace Chat.Domain.Communities;

/// <summary>The membership checks every service makes before it reads or changes a community's data.</summary>
internal static class Access
{
    /// <summary>The one place a caller who is not logged in is turned away, with <see cref="DomainErrors.LogInFirst"/>.</summary>
    public static void RequireLoggedIn([NotNull] string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            throw DomainErrors.LogInFirst();
        }
    }

    public static async Task<MemberRole> RequireMemberAsync(
        ChatDbContext db, int communityId, string? userId, CancellationToken ct) =>
        (await RequireCallerAsync(db, communityId, userId, ct)).Role;

    /// <summary>
    /// Turns away a caller who is not logged in (<see cref="RequireLoggedIn"/>), then one who is not a member; what
    /// passes is a <see cref="Caller"/> whose user id is known.
    /// </summary>
    public static async Task<Caller> RequireCallerAsync(
        ChatDbContext db, int communityId, string? userId, CancellationToken ct)
    {
        RequireLoggedIn(userId);
        var role = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.UserId == userId)
            .Select(m => (MemberRole?)m.Role)
            .SingleOrDefaultAsync(ct);
        if (role is { } known)
        {
            return new Caller(userId, communityId, known);
        }

        if (!await db.Communities.AnyAsync(c => c.Id == communityId, ct))
        {
            throw DomainErrors.ServerNotFound();
        }

        throw DomainErrors.NotAMember();
    }

    /// <summary>Requires at least <paramref name="minimum"/>; <paramref name="refusal"/> says what the user tried to do.</summary>
    public static async Task<MemberRole> RequireRoleAsync(
        ChatDbContext db, int communityId, string? userId, MemberRole minimum, Func<ForbiddenException> refusal,
        CancellationToken ct) =>
        (await RequireCallerAsync(db, communityId, userId, minimum, refusal, ct)).Role;

    /// <summary>Requires at least <paramref name="minimum"/> and hands back the caller; see <see cref="RequireRoleAsync"/>.</summary>
    public static async Task<Caller> RequireCallerAsync(
        ChatDbContext db, int communityId, string? userId, MemberRole minimum, Func<ForbiddenException> refusal,
        CancellationToken ct)
    {
        var caller = await RequireCallerAsync(db, communityId, userId, ct);
        return caller.Role < minimum ? throw refusal() : caller;
    }
}
