using Chat.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Users;

/// <summary>
/// Gives users created before <see cref="ChatUser.UserNameSkeleton"/> existed (or written straight to the
/// database) their skeleton, at start-up, so the lookalike check sees them. Nothing to do once all have one.
/// </summary>
internal static class UserNameSkeletonBackfill
{
    private const int BatchSize = 500;

    public static async Task FillAsync(ChatDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Users.AsNoTracking()
                .Where(u => u.UserNameSkeleton == "" && u.UserName != null && u.UserName != "")
                .OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.UserName })
                .Take(BatchSize)
                .ToListAsync(ct);
            foreach (var user in batch)
            {
                var skeleton = UserNameSkeleton.Of(user.UserName!);
                await db.Users.Where(u => u.Id == user.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.UserNameSkeleton, skeleton), ct);
            }

            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }
}
