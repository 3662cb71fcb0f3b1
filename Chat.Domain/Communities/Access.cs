using Chat.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Communities;

/// <summary>The membership checks every service makes before it reads or changes a community's data.</summary>
internal static class Access
{
    public static async Task<MemberRole> RequireMemberAsync(
        ChatDbContext db, int communityId, string? userId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId))
        {
            throw DomainErrors.LogInFirst();
        }

        var role = await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.UserId == userId)
            .Select(m => (MemberRole?)m.Role)
            .SingleOrDefaultAsync(ct);
        if (role is { } known)
        {
            return known;
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
        CancellationToken ct)
    {
        var role = await RequireMemberAsync(db, communityId, userId, ct);
        if (role < minimum)
        {
            throw refusal();
        }

        return role;
    }
}
