using Chat.Domain.Communities;
using Chat.Domain.Text;

namespace Chat.Domain.Channels;

public class Channel
{
    public const int NameMaxLength = 100;
    public const int TopicMaxLength = 1024;

    private string name = "";

    public int Id { get; set; }

    public int CommunityId { get; set; }

    /// <summary>Normalized: lowercase, dashes for spaces; unique within the community.</summary>
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

    public string? Topic { get; set; }

    public int Position { get; set; }

    public DateTime CreatedAt { get; set; }

    public Community? Community { get; set; }
}
