using Chat.Domain.Text;

namespace Chat.Domain.Communities;

/// <summary>A server, or one of its channels, as the quick switcher (Ctrl+K) offers it.</summary>
public sealed record SwitchTarget(int CommunityId, string CommunityName, int? ChannelId = null, string? ChannelName = null);

/// <summary>
/// Finds the user's own servers and channels by name as they type. Only what the user is a member of: the
/// switcher must not become a way to learn the names of private servers.
/// </summary>
public sealed class QuickSwitchService(IDbContextFactory<ChatDbContext> dbFactory)
{
    public const int MaxResults = 10;

    /// <summary>
    /// Servers and channels whose names contain the query, whatever its case and accents; names that start with it
    /// first, then servers before channels, then by name. An empty query lists the user's servers.
    /// </summary>
    public async Task<IReadOnlyList<SwitchTarget>> FindAsync(string? userId, string? query, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);

        // Compared folded on both sides (Text/SearchText): accents and case aside, on every database.
        var term = SearchText.Fold((query ?? "").Trim().TrimStart('#'));
        if (term.Length > Community.NameMaxLength)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Servers only: direct conversations have no name to find (Direct/).
        var mine = db.Memberships.Where(m => m.UserId == userId && m.Community!.Kind == CommunityKind.Server)
            .Select(m => m.CommunityId);
        // A few more than shown, so that names starting with the query can come first among them.
        const int candidates = MaxResults * 3;
        var servers = await db.Communities.AsNoTracking()
            .Where(c => mine.Contains(c.Id) && c.SearchName.Contains(term))
            .OrderBy(c => c.SearchName).ThenBy(c => c.Id).Take(candidates)
            .Select(c => new SwitchTarget(c.Id, c.Name, null, null))
            .ToListAsync(ct);
        var channels = term.Length == 0 ? [] : await db.Channels.AsNoTracking()
            .Where(ch => mine.Contains(ch.CommunityId) && ch.SearchName.Contains(term))
            .OrderBy(ch => ch.SearchName).ThenBy(ch => ch.Id).Take(candidates)
            .Select(ch => new SwitchTarget(ch.CommunityId, ch.Community!.Name, ch.Id, ch.Name))
            .ToListAsync(ct);

        return servers.Concat(channels)
            .OrderBy(t => SearchText.Fold(t.ChannelName ?? t.CommunityName).StartsWith(term, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(t => t.ChannelId is null ? 0 : 1)
            .ThenBy(t => t.ChannelName ?? t.CommunityName, NameOrder.Comparer)
            .ThenBy(t => t.CommunityName, NameOrder.Comparer)
            .Take(MaxResults)
            .ToList();
    }
}
