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
            throw new ForbiddenException("You need to log in first.");
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
            throw new NotFoundException("That server does not exist.");
        }

        throw new ForbiddenException("You are not a member of that server.");
    }

    /// <summary>Requires at least <paramref name="minimum"/>; the message says what the user tried to do.</summary>
    public static async Task<MemberRole> RequireRoleAsync(
        ChatDbContext db, int communityId, string? userId, MemberRole minimum, string action, CancellationToken ct)
    {
        var role = await RequireMemberAsync(db, communityId, userId, ct);
        if (role < minimum)
        {
            var who = minimum == MemberRole.Owner ? "the owner" : "the owner and admins";
            throw new ForbiddenException($"Only {who} can {action}.");
        }

        return role;
    }
}
