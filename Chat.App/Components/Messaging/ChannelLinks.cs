using System.Collections.Frozen;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The channels of the server a message is read in, by name: <c>#name</c> in a message becomes a link to one of them
/// (<see cref="MessageMarkdown"/>), and any other <c>#word</c> stays text.
/// </summary>
public sealed class ChannelLinks : IEquatable<ChannelLinks>
{
    private readonly FrozenDictionary<string, int> byName;

    public ChannelLinks(int communityId, IEnumerable<ChannelView> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        CommunityId = communityId;
        // Names are stored lowercase (ChannelService.NormalizeName); "#General" is meant as the same channel.
        byName = channels.Where(c => c.CommunityId == communityId)
            .DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);
    }

    public static ChannelLinks None { get; } = new(0, []);

    public int CommunityId { get; }

    public int Count => byName.Count;

    /// <summary>The app's address of the channel called <paramref name="name"/> in this server, or null.</summary>
    public string? UrlOf(string name) =>
        byName.TryGetValue(name, out var id) ? $"servers/{CommunityId}/channels/{id}" : null;

    /// <summary>Holds the same channels under the same names: a message rendered with one reads the same with the other.</summary>
    public bool Equals(ChannelLinks? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (other.CommunityId == CommunityId && other.byName.Count == byName.Count
                && byName.All(pair => other.byName.TryGetValue(pair.Key, out var id) && id == pair.Value)));

    public override bool Equals(object? obj) => Equals(obj as ChannelLinks);

    public override int GetHashCode() => HashCode.Combine(CommunityId, byName.Count);
}
