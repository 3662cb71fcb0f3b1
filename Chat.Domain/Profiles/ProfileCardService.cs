using Chat.Domain.Communities;

namespace Chat.Domain.Profiles;

/// <summary>
/// Profile cards, read within one server. A card shows the server's role, so only that server's members may open
/// one, and only of someone who belongs to it: a shared server is what lets one stranger see another's bio.
/// </summary>
public sealed class ProfileCardService(IDbContextFactory<ChatDbContext> dbFactory)
{
    /// <summary>
    /// The card of <paramref name="targetUserId"/> as <paramref name="viewerId"/> sees it in the community. Refused
    /// to the anonymous and to non-members; not found when the target is not (or no longer) a member.
    /// </summary>
    public async Task<ProfileCardView> GetAsync(
        string? viewerId, int communityId, string? targetUserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, viewerId, ct);
        return await db.Memberships.AsNoTracking()
            .Where(m => m.CommunityId == communityId && m.UserId == targetUserId)
            .Select(m => new ProfileCardView(m.UserId, m.User!.UserName!, m.User.DisplayName, m.User.Bio, m.User.AvatarVersion, m.Role))
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.UserNotMember();
    }
}
