namespace Chat.Domain.Messages;

/// <summary>Reads the reaction summaries of a page of messages, in one query, for the messages' readers.</summary>
internal static class ReactionSummaries
{
    /// <summary>
    /// Per message, its emoji in the order they were first used. Reads the page's rows through the unique index
    /// (message first); a message holds at most <see cref="Reaction.MaxDistinctEmoji"/> emoji, so the rows stay few
    /// per message unless a crowd reacts.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, IReadOnlyList<ReactionSummary>>> LoadAsync(
        ChatDbContext db, IReadOnlyCollection<long> messageIds, string? readerId, CancellationToken ct)
    {
        if (messageIds.Count == 0)
        {
            return new Dictionary<long, IReadOnlyList<ReactionSummary>>();
        }

        var rows = await db.Reactions.AsNoTracking()
            .Where(r => messageIds.Contains(r.MessageId))
            .OrderBy(r => r.Id)
            .Select(r => new { r.MessageId, r.Emoji, r.UserId, r.User!.DisplayName })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.MessageId).ToDictionary(
            m => m.Key,
            m => (IReadOnlyList<ReactionSummary>)m.GroupBy(r => r.Emoji)
                .Select(e => new ReactionSummary(
                    e.Key,
                    e.Count(),
                    readerId is not null && e.Any(r => r.UserId == readerId),
                    e.Take(ReactionSummary.NamesShown).Select(r => r.DisplayName).ToList()))
                .ToList());
    }

    /// <summary>The views with their reactions, as <paramref name="readerId"/> sees them.</summary>
    public static async Task<List<MessageView>> AttachAsync(
        ChatDbContext db, List<MessageView> views, string? readerId, CancellationToken ct)
    {
        var reactions = await LoadAsync(db, views.Select(v => v.Id).ToList(), readerId, ct);
        for (var i = 0; i < views.Count; i++)
        {
            if (reactions.TryGetValue(views[i].Id, out var summary))
            {
                views[i] = views[i] with { Reactions = summary };
            }
        }

        return views;
    }
}
