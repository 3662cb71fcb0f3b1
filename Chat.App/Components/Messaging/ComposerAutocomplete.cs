using Chat.Domain.Text;

namespace Chat.App.Components.Messaging;

public enum SuggestionKind
{
    Member,
    Everyone,
    Channel,
    Emoji,
}

/// <summary>
/// One entry of the composer's list: what choosing it writes into the message, and what it shows (a channel's and
/// @everyone's label without the symbol, which the list draws beside it).
/// </summary>
public sealed record Suggestion(SuggestionKind Kind, string Insert, string Label, string? Detail = null, MemberView? Member = null);

/// <summary>
/// The state of the composer's suggestion list, without the page: which word is being completed, the entries that
/// match it, the active one, and what choosing one makes of the text. The lists behind it are loaded once when a list
/// opens (<see cref="AutocompleteSources"/>) and filtered here, in memory, at each key.
/// </summary>
public sealed class ComposerAutocomplete
{
    /// <summary>A short list to glance at; typing on narrows it.</summary>
    public const int MaxSuggestions = 8;

    private AutocompleteSources? indexed;
    private List<(MemberView Member, string UserName, string DisplayName, string[] Words)> members = [];
    private List<(ChannelView Channel, string Name)> channels = [];
    private (char Symbol, int Start)? dismissed;

    public AutocompleteTrigger? Trigger { get; private set; }

    public IReadOnlyList<Suggestion> Items { get; private set; } = [];

    /// <summary>The entry that Enter or Tab chooses and the screen reader is told of.</summary>
    public int Active { get; private set; }

    public bool IsOpen => Items.Count > 0;

    /// <summary>
    /// Follows the text and the caret: opens, narrows or closes the list. Says whether anything the user sees changed.
    /// <paramref name="selfUserId"/> is left out of the members: mentioning oneself notifies nobody.
    /// </summary>
    public bool Update(string? text, int caret, AutocompleteSources sources, string? selfUserId)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var trigger = AutocompleteTrigger.Find(text, caret);
        if (dismissed is { } d && (trigger is null || trigger.Symbol != d.Symbol || trigger.Start != d.Start))
        {
            dismissed = null;
        }

        var items = trigger is null || dismissed is not null ? [] : Suggest(trigger, sources, selfUserId);
        var sameList = items.Count == Items.Count && items.SequenceEqual(Items);
        var changed = !sameList || Trigger?.Query != trigger?.Query;
        if (!sameList)
        {
            Active = 0;
        }

        Trigger = trigger;
        Items = items;
        if (trigger is null)
        {
            Forget();
        }

        return changed;
    }

    /// <summary>Up and Down; past either end it goes round.</summary>
    public void Move(int by)
    {
        if (Items.Count > 0)
        {
            Active = (((Active + by) % Items.Count) + Items.Count) % Items.Count;
        }
    }

    /// <summary>Escape: the list closes, and stays closed while the user goes on typing the same word.</summary>
    public void Dismiss()
    {
        if (Trigger is { } trigger)
        {
            dismissed = (trigger.Symbol, trigger.Start);
        }

        Close();
    }

    /// <summary>Closes the list without remembering anything (another channel, the box lost focus).</summary>
    public void Close()
    {
        Trigger = null;
        Items = [];
        Active = 0;
        Forget();
    }

    /// <summary>
    /// Writes entry <paramref name="index"/> (the active one when null) in place of the word being completed; null when
    /// the list is closed. The list closes.
    /// </summary>
    public (string Text, int Caret)? Choose(string text, int? index = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chosen = index ?? Active;
        if (Trigger is not { } trigger || chosen < 0 || chosen >= Items.Count || trigger.End > text.Length)
        {
            return null;
        }

        var result = trigger.Replace(text, Items[chosen].Insert);
        Close();
        return result;
    }

    private List<Suggestion> Suggest(AutocompleteTrigger trigger, AutocompleteSources sources, string? selfUserId)
    {
        var query = SearchText.Fold(trigger.Query);
        return trigger.Symbol switch
        {
            AutocompleteTrigger.Member => SuggestMembers(query, sources, selfUserId),
            AutocompleteTrigger.Channel => SuggestChannels(query, sources),
            _ => SuggestEmoji(trigger.Query),
        };
    }

    // Names as search compares them elsewhere (Text/SearchText): case and accents aside. Names that start with what was
    // typed come first, then those with a word starting with it (a surname), then those that only contain it.
    private List<Suggestion> SuggestMembers(string query, AutocompleteSources sources, string? selfUserId)
    {
        Index(sources);
        var everyone = sources.MayMentionEveryone && MentionRules.Everyone.StartsWith(query, StringComparison.Ordinal);
        var found = members
            .Where(m => m.Member.UserId != selfUserId)
            .Select(m => (m.Member, Rank: m.UserName.StartsWith(query, StringComparison.Ordinal) || m.DisplayName.StartsWith(query, StringComparison.Ordinal) ? 0
                : m.Words.Any(w => w.StartsWith(query, StringComparison.Ordinal)) ? 1
                : m.UserName.Contains(query, StringComparison.Ordinal) || m.DisplayName.Contains(query, StringComparison.Ordinal) ? 2
                : -1))
            .Where(m => m.Rank >= 0)
            .OrderBy(m => m.Rank).ThenBy(m => m.Member.DisplayName, NameOrder.Comparer).ThenBy(m => m.Member.UserName, StringComparer.OrdinalIgnoreCase)
            .Take(everyone ? MaxSuggestions - 1 : MaxSuggestions)
            .Select(m => new Suggestion(SuggestionKind.Member, "@" + m.Member.UserName, m.Member.DisplayName, "@" + m.Member.UserName, m.Member))
            .ToList();
        if (everyone)
        {
            found.Add(new Suggestion(SuggestionKind.Everyone, "@" + MentionRules.Everyone, MentionRules.Everyone));
        }

        return found;
    }

    private List<Suggestion> SuggestChannels(string query, AutocompleteSources sources)
    {
        Index(sources);
        return channels
            .Select((c, order) => (c.Channel, order, Rank: c.Name.StartsWith(query, StringComparison.Ordinal) ? 0
                : c.Name.Contains(query, StringComparison.Ordinal) ? 1 : -1))
            .Where(c => c.Rank >= 0)
            .OrderBy(c => c.Rank).ThenBy(c => c.order)
            .Take(MaxSuggestions)
            .Select(c => new Suggestion(SuggestionKind.Channel, "#" + c.Channel.Name, c.Channel.Name, c.Channel.Topic))
            .ToList();
    }

    // The name typed in full first (":heart" before ":heart_eyes"), then names starting with it, then the rest.
    private static List<Suggestion> SuggestEmoji(string query)
    {
        var name = query.ToLowerInvariant();
        return Emoji.Search(query)
            .Select((e, order) => (Emoji: e, order, Rank: e.ShortName == name ? 0 : e.ShortName.StartsWith(name, StringComparison.Ordinal) ? 1 : 2))
            .OrderBy(e => e.Rank).ThenBy(e => e.order)
            .Take(MaxSuggestions)
            .Select(e => new Suggestion(SuggestionKind.Emoji, e.Emoji.Value, $":{e.Emoji.ShortName}:", e.Emoji.Value))
            .ToList();
    }

    // A closed list keeps nothing of the server's members: the next one that opens loads them again.
    private void Forget()
    {
        indexed = null;
        members = [];
        channels = [];
    }

    // Folded once per load of the lists, not at every key.
    private void Index(AutocompleteSources sources)
    {
        if (ReferenceEquals(indexed, sources))
        {
            return;
        }

        indexed = sources;
        members = [.. sources.Members.Select(m =>
        {
            var displayName = SearchText.Fold(m.DisplayName);
            return (m, SearchText.Fold(m.UserName), displayName, displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        })];
        channels = [.. sources.Channels.Select(c => (c, SearchText.Fold(c.Name)))];
    }
}
