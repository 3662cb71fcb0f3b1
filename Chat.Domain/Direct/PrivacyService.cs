using Chat.Domain.Communities;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;

namespace Chat.Domain.Direct;

/// <summary>Who may message the user, and whom the user blocked (docs/decisions/0015-direct-messages.md).</summary>
public sealed class PrivacyService(
    IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, TimeProvider clock, WriteRateLimiter rateLimiter)
{
    public async Task<PrivacySettings> GetAsync(string? userId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var setting = await db.Users.Where(u => u.Id == userId).Select(u => (DirectMessagePrivacy?)u.DirectMessages)
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.LogInFirst();
        var blocked = await db.UserBlocks.AsNoTracking().Where(b => b.BlockerId == userId)
            .OrderBy(b => b.Blocked!.DisplayName).ThenBy(b => b.BlockedId)
            .Select(b => new ConversationPerson(b.BlockedId, b.Blocked!.UserName!, b.Blocked.DisplayName, b.Blocked.AvatarVersion))
            .ToListAsync(ct);
        return new PrivacySettings(setting, blocked);
    }

    public async Task SetWhoMayMessageAsync(string? userId, DirectMessagePrivacy privacy, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        if (!Enum.IsDefined(privacy))
        {
            throw DomainErrors.PrivacyUnknown();
        }

        rateLimiter.Acquire(WriteAction.ChangeProfile, userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.DirectMessages, privacy), ct);
        if (changed == 0)
        {
            throw DomainErrors.LogInFirst();
        }
    }

    /// <summary>Blocks a person; blocking twice leaves one block.</summary>
    public async Task BlockAsync(string? userId, string blockedId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        if (blockedId == userId)
        {
            throw DomainErrors.CannotBlockYourself();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == blockedId, ct))
        {
            throw DomainErrors.PersonNotFound();
        }

        if (await db.UserBlocks.AnyAsync(b => b.BlockerId == userId && b.BlockedId == blockedId, ct))
        {
            return;
        }

        rateLimiter.Acquire(WriteAction.ChangeProfile, userId);
        db.UserBlocks.Add(new UserBlock { BlockerId = userId, BlockedId = blockedId, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another tab blocked the same person at the same moment: one block, as asked.
            return;
        }

        // The user's lists (the rail's badge, the conversations) leave the blocked person's messages out from now.
        await hub.PublishAsync(new MembershipsChanged(userId));
    }

    public async Task UnblockAsync(string? userId, string blockedId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var removed = await db.UserBlocks.Where(b => b.BlockerId == userId && b.BlockedId == blockedId).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await hub.PublishAsync(new MembershipsChanged(userId));
        }
    }
}
