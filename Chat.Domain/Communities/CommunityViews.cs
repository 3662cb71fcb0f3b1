namespace Chat.Domain.Communities;

/// <summary>A community as the rail shows it.</summary>
public sealed record CommunitySummary(int Id, string Name, int? FirstChannelId);

/// <summary>A community as its member sees it when it is open.</summary>
public sealed record CommunityDetail(int Id, string Name, string? Description, bool IsPublic, MemberRole MyRole)
{
    /// <summary>A direct conversation (Direct/), which has its own page rather than a server's.</summary>
    public bool IsDirect { get; init; }
}
