using Chat.Domain.Channels;
using Chat.Domain.Text;

namespace Chat.Domain.Communities;

/// <summary>What the UI calls a "server": a group of members and their channels.</summary>
public class Community
{
    public const int NameMinLength = 2;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 300;

    public int Id { get; set; }

    private string name = "";

    public string Name
    {
        get => name;
        set
        {
            name = value;
            SearchName = SearchText.Fold(value);
        }
    }

    /// <summary><see cref="SearchText.Fold"/> of the name, kept with it by the setter, for accent-insensitive search.</summary>
    public string SearchName { get; set; } = "";

    public string? Description { get; set; }

    public bool IsPublic { get; set; }

    /// <summary>A server, or a direct conversation (Direct/: no name, no invitations, every participant a plain member).</summary>
    public CommunityKind Kind { get; set; }

    /// <summary>
    /// For a conversation between two people only: both user ids, ordered, so a unique index keeps one conversation
    /// per pair even when both start it at once. Null for servers and group conversations.
    /// </summary>
    public string? DirectKey { get; set; }

    public const int DirectKeyMaxLength = 200;

    public DateTime CreatedAt { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    public List<Channel> Channels { get; set; } = [];
}
