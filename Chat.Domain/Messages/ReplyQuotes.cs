namespace Chat.Domain.Messages;

/// <summary>Reads the quotes of the replies on a page of messages, in one query by primary key.</summary>
internal static class ReplyQuotes
{
    /// <summary>
    /// The views with <see cref="MessageView.ReplyTo"/> filled in; a reply whose original is gone keeps none, and
    /// shows that the original was deleted.
    /// </summary>
    public static async Task<List<MessageView>> AttachAsync(ChatDbContext db, List<MessageView> views, CancellationToken ct)
    {
        var ids = views.Where(v => v.ReplyToId is not null).Select(v => v.ReplyToId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return views;
        }

        // Cut in the database: a page of replies to long messages does not carry the whole originals over.
        var originals = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Author!.DisplayName, Start = m.Content.Substring(0, ReplyQuote.ExcerptLength) })
            .ToDictionaryAsync(o => o.Id, ct);
        return [.. views.Select(v => v.ReplyToId is { } id && originals.TryGetValue(id, out var original)
            ? v with { ReplyTo = ReplyQuote.Of(id, original.DisplayName, original.Start) }
            : v)];
    }

    public static async Task<MessageView> AttachAsync(ChatDbContext db, MessageView view, CancellationToken ct) =>
        view.ReplyToId is null ? view : (await AttachAsync(db, [view], ct))[0];
}
