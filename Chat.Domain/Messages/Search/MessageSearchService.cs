using Chat.Domain.Communities;
using Chat.Domain.Direct;
using Chat.Domain.Text;

namespace Chat.Domain.Messages.Search;

/// <summary>
/// Searches the messages of one server for its members: every channel of a server is readable by each of its
/// members, and nothing outside the server is ever looked at (in a direct conversation, nothing from people the
/// reader blocked either). Newest first, a page at a time (keyset on the id).
/// </summary>
public sealed class MessageSearchService(IDbContextFactory<ChatDbContext> dbFactory)
{
    public const int PageSize = 20;

    /// <param name="beforeId">The previous page's <see cref="MessageSearchPage.NextBeforeId"/>; null for the first.</param>
    public async Task<MessageSearchPage> SearchAsync(
        string? userId, int communityId, string? text, long? beforeId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        var search = SearchQuery.Parse(text);
        if (search.IsEmpty)
        {
            return MessageSearchPage.Empty;
        }

        var query = (search.Terms.Count > 0 ? FullTextMatch.Matching(db, search.Terms) : db.Messages)
            .AsNoTracking()
            .Where(m => m.Channel!.CommunityId == communityId)
            .VisibleTo(db, userId);
        if (search.FromUserName is { } userName)
        {
            var normalized = userName.ToUpperInvariant();
            var authorId = await db.Memberships.AsNoTracking()
                .Where(m => m.CommunityId == communityId && m.User!.NormalizedUserName == normalized)
                .Select(m => m.UserId).SingleOrDefaultAsync(ct) ?? throw DomainErrors.SearchUserUnknown(userName);
            query = query.Where(m => m.AuthorId == authorId);
        }

        if (search.InChannelName is { } channelName)
        {
            // Channel names are stored normalized (lower case); their folded copy also forgives the accents.
            var folded = SearchText.Fold(channelName);
            var channelIds = await db.Channels.AsNoTracking()
                .Where(c => c.CommunityId == communityId && c.SearchName == folded)
                .Select(c => c.Id).ToListAsync(ct);
            if (channelIds.Count == 0)
            {
                throw DomainErrors.SearchChannelUnknown(channelName);
            }

            query = query.Where(m => channelIds.Contains(m.ChannelId));
        }

        if (search.HasLink)
        {
            query = query.Where(m => m.SearchContent.Contains("http://") || m.SearchContent.Contains("https://"));
        }

        if (search.Before is { } before)
        {
            query = query.Where(m => m.CreatedAt < before);
        }

        if (search.After is { } after)
        {
            query = query.Where(m => m.CreatedAt >= after);
        }

        if (beforeId is { } cursor)
        {
            query = query.Where(m => m.Id < cursor);
        }

        var rows = await query
            .OrderByDescending(m => m.Id)
            .Take(PageSize + 1)
            .Select(m => new
            {
                m.Id, m.ChannelId, ChannelName = m.Channel!.Name, m.AuthorId, m.Author!.UserName, m.Author.DisplayName,
                m.Content, m.CreatedAt, m.EditedAt,
            })
            .ToListAsync(ct);
        var hits = rows.Take(PageSize)
            .Select(r => new MessageSearchHit(
                r.Id, r.ChannelId, r.ChannelName, r.AuthorId, r.UserName!, r.DisplayName, r.CreatedAt, r.EditedAt,
                SearchHighlighter.Segments(r.Content, search.Terms)))
            .ToList();
        return new MessageSearchPage(hits, rows.Count > PageSize ? hits[^1].MessageId : null);
    }
}
