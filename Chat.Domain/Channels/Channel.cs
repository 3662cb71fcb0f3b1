using Chat.Domain.Communities;

namespace Chat.Domain.Channels;

public class Channel
{
    public const int NameMaxLength = 100;
    public const int TopicMaxLength = 1024;

    public int Id { get; set; }

    public int CommunityId { get; set; }

    /// <summary>Normalized: lowercase, dashes for spaces; unique within the community.</summary>
    public string Name { get; set; } = "";

    public string? Topic { get; set; }

    public int Position { get; set; }

    public DateTime CreatedAt { get; set; }

    public Community? Community { get; set; }
}
