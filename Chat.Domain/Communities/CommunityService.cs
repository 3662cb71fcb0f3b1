using Chat.Domain.Channels;
using Chat.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Communities;

public sealed class CommunityService(IDbContextFactory<ChatDbContext> dbFactory, TimeProvider clock)
{
    public const string DefaultChannelName = "general";

    /// <summary>The communities the user belongs to, in the order they joined them.</summary>
    public async Task<IReadOnlyList<CommunitySummary>> GetMineAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
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
            .Select(c => new CommunityDetail(c.Id, c.Name, c.Description, c.IsPublic, role))
            .SingleAsync(ct);
    }

    /// <summary>Creates a community owned by the user, with a first channel so there is somewhere to talk.</summary>
    public async Task<CommunitySummary> CreateAsync(
        string userId, string name, string? description, bool isPublic, CancellationToken ct = default)
    {
        name = name.Trim();
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (name.Length is < Community.NameMinLength or > Community.NameMaxLength)
        {
            throw new ValidationException(
                $"A server name is {Community.NameMinLength} to {Community.NameMaxLength} characters.", nameof(name));
        }

        if (description?.Length > Community.DescriptionMaxLength)
        {
            throw new ValidationException(
                $"A description is at most {Community.DescriptionMaxLength} characters.", nameof(description));
        }

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
        return new CommunitySummary(community.Id, community.Name, general.Id);
    }
}
