namespace Chat.Domain.Messages;

/// <summary>
/// One emoji under a message: how many reacted with it, whether the reader did, and the first few names, for
/// "Ana, Bob and 3 others". <see cref="Mine"/> depends on the reader; an event carries it as false for everyone.
/// </summary>
public sealed record ReactionSummary(string Emoji, int Count, bool Mine, IReadOnlyList<string> FirstNames)
{
    /// <summary>How many names a summary carries; the rest are counted.</summary>
    public const int NamesShown = 3;

    /// <summary>By value, the names too (a record compares a list by reference).</summary>
    public bool Equals(ReactionSummary? other) =>
        other is not null && (Emoji, Count, Mine) == (other.Emoji, other.Count, other.Mine) && FirstNames.SequenceEqual(other.FirstNames);

    public override int GetHashCode() => HashCode.Combine(Emoji, Count, Mine);
}
