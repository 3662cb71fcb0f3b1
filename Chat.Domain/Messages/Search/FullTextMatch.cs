namespace Chat.Domain.Messages.Search;

/// <summary>
/// The messages whose folded text holds every term as a word prefix, through each database's own full-text index
/// (created by raw SQL in the MessageSearch migrations; docs/decisions/0012-message-search.md). Terms hold only
/// letters and digits (<see cref="SearchQuery"/>), and reach the database as parameters.
/// </summary>
internal static class FullTextMatch
{
    /// <summary>InnoDB's minimum token length (innodb_ft_min_token_size): shorter words are not in its index.</summary>
    private const int MariaDbMinTokenLength = 3;

    /// <summary>InnoDB's default stopwords (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD): never in its index.</summary>
    private static readonly HashSet<string> MariaDbStopwords =
    [
        "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is",
        "it", "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will",
        "with", "und", "www",
    ];

    public static IQueryable<Message> Matching(ChatDbContext db, IReadOnlyList<string> terms)
    {
        switch (db)
        {
            case SqliteChatDbContext:
                // FTS5: each term quoted (a string, never an operator) and starred (a prefix); spaces mean AND.
                var fts = string.Join(" ", terms.Select(t => $"\"{t}\"*"));
                return db.Messages.FromSql(
                    $"SELECT * FROM \"Messages\" WHERE \"Id\" IN (SELECT rowid FROM \"MessageSearch\" WHERE \"MessageSearch\" MATCH {fts})");
            case PostgresChatDbContext:
                // The expression must be the GIN index's own: to_tsvector('simple', "SearchContent"). OFFSET 0 keeps
                // the planner from folding the inner query into the outer one, which it would then answer by walking
                // the newest messages back and testing each (it guesses 2% match a prefix term): a word in no message
                // read all of them, 4.7 s at 1,000,000. Kept apart, the index finds the matches first: 0.15 ms, and
                // 230 ms for a word in 63% of the messages (docs/performance.md, "Message search").
                var tsquery = string.Join(" & ", terms.Select(t => $"{t}:*"));
                return db.Messages.FromSql(
                    $"SELECT * FROM \"Messages\" WHERE \"Id\" IN (SELECT \"Id\" FROM \"Messages\" WHERE to_tsvector('simple', \"SearchContent\") @@ to_tsquery('simple', {tsquery}) OFFSET 0)");
            default:
                return MatchingOnMariaDb(db, terms);
        }
    }

    /// <summary>
    /// InnoDB leaves short words and its stopwords ("de", "la", "the") out of a FULLTEXT index; those terms are
    /// matched as substrings of the folded text instead, beside the indexed ones.
    /// </summary>
    private static IQueryable<Message> MatchingOnMariaDb(ChatDbContext db, IReadOnlyList<string> terms)
    {
        var indexed = terms.Where(t => t.Length >= MariaDbMinTokenLength && !MariaDbStopwords.Contains(t)).ToList();
        var query = db.Messages.AsQueryable();
        if (indexed.Count > 0)
        {
            // Boolean mode: + requires the word, * makes it a prefix.
            var against = string.Join(" ", indexed.Select(t => $"+{t}*"));
            query = db.Messages.FromSql(
                $"SELECT * FROM `Messages` WHERE MATCH(`SearchContent`) AGAINST ({against} IN BOOLEAN MODE)");
        }

        foreach (var term in terms.Except(indexed))
        {
            query = query.Where(m => m.SearchContent.Contains(term));
        }

        return query;
    }
}
