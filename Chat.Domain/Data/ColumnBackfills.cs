using Chat.Domain.Text;
using Chat.Domain.Users;

namespace Chat.Domain.Data;

/// <summary>
/// Fills the columns that a migration added empty, for rows written before they existed (or straight to the
/// database), at start-up right after the migrations. In C#, because SQL cannot compute them alike on every
/// database: a user name's lookalike skeleton (<see cref="UserNameSkeleton"/>), a name or a message folded for
/// searching (<see cref="SearchText"/>, docs/decisions/0009 and 0012). Nothing to do once every row has its value.
/// </summary>
internal static class ColumnBackfills
{
    private const int BatchSize = 500;

    public static async Task FillAsync(ChatDbContext db, CancellationToken ct)
    {
        await FillAsync(db,
            db.Users.Where(u => u.UserNameSkeleton == "" && u.UserName != null && u.UserName != "").OrderBy(u => u.Id),
            u => u.UserNameSkeleton = UserNameSkeleton.Of(u.UserName!), ct);
        await FillAsync(db,
            db.Communities.Where(c => c.SearchName == "" && c.Name != "").OrderBy(c => c.Id),
            c => c.SearchName = SearchText.Fold(c.Name), ct);
        await FillAsync(db,
            db.Channels.Where(c => c.SearchName == "").OrderBy(c => c.Id),
            c => c.SearchName = SearchText.Fold(c.Name), ct);
        // Each update also reaches the full-text index (SQLite's triggers, the others' own indexes; decision 12).
        // A member's message is never empty, so an empty folded text means "not filled yet"; a pinned-message line
        // has no text of its own and is left out.
        await FillAsync(db,
            db.Messages.Where(m => m.SearchContent == "" && m.Content != "").OrderBy(m => m.Id),
            m => m.SearchContent = SearchText.Fold(m.Content), ct);
    }

    /// <param name="missing">The rows without the value; filled ones drop out of it, so it shrinks to nothing.</param>
    private static async Task FillAsync<T>(ChatDbContext db, IQueryable<T> missing, Action<T> fill, CancellationToken ct)
        where T : class
    {
        while (true)
        {
            var batch = await missing.Take(BatchSize).ToListAsync(ct);
            batch.ForEach(fill);
            // A row whose value comes out empty again (a name of accents only) stays "missing": a whole batch of
            // those would be read for ever.
            if (!db.ChangeTracker.HasChanges())
            {
                return;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }
}
