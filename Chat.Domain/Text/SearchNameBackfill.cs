using Chat.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Text;

/// <summary>
/// Gives servers and channels created before <c>SearchName</c> existed their folded name, at start-up, right after
/// the migration that added the column: SQL cannot fold accents alike on every database, so C# does it, as for
/// <see cref="Users.UserNameSkeleton"/>. Nothing to do once all have one (a name is never empty).
/// </summary>
internal static class SearchNameBackfill
{
    private const int BatchSize = 500;

    public static async Task FillAsync(ChatDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var batch = await db.Communities.AsNoTracking().Where(c => c.SearchName == "")
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).Take(BatchSize).ToListAsync(ct);
            foreach (var community in batch)
            {
                var folded = SearchText.Fold(community.Name);
                await db.Communities.Where(c => c.Id == community.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.SearchName, folded), ct);
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        while (true)
        {
            var batch = await db.Channels.AsNoTracking().Where(c => c.SearchName == "")
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).Take(BatchSize).ToListAsync(ct);
            foreach (var channel in batch)
            {
                var folded = SearchText.Fold(channel.Name);
                await db.Channels.Where(c => c.Id == channel.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.SearchName, folded), ct);
            }

            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }
}
