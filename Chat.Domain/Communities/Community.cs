using Chat.Domain.Channels;

namespace Chat.Domain.Communities;

/// <summary>What the UI calls a "server": a group of members and their channels.</summary>
public class Community
{
    public const int NameMinLength = 2;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 300;

    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public bool IsPublic { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    public List<Channel> Channels { get; set; } = [];
}
