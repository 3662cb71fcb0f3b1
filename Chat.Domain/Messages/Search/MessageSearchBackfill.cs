using Chat.Domain.Data;
using Chat.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Messages.Search;

/// <summary>
/// Gives messages written before <see cref="Message.SearchContent"/> existed their folded text, at start-up right
/// after the migration, as <see cref="SearchNameBackfill"/> does for names: SQL cannot fold accents alike on every
/// database. Each update also reaches the full-text index (SQLite's triggers, the others' own indexes). A message is
/// never empty, so an empty folded text means "not filled yet"; once all are filled this is one scan at start-up.
/// </summary>
internal static class MessageSearchBackfill
{
    private const int BatchSize = 500;

    public static async Task FillAsync(ChatDbContext db, CancellationToken ct)
    {
        var after = 0L;
        while (true)
        {
            var batch = await db.Messages.AsNoTracking().Where(m => m.SearchContent == "" && m.Id > after)
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.Content }).Take(BatchSize).ToListAsync(ct);
            foreach (var message in batch)
            {
                var folded = SearchText.Fold(message.Content);
                await db.Messages.Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.SearchContent, folded), ct);
            }

            if (batch.Count < BatchSize)
            {
                return;
            }

            after = batch[^1].Id;
        }
    }
}
