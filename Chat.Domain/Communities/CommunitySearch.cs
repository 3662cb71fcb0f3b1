namespace Chat.Domain.Communities;

/// <summary>A public community as search shows it; the member count is counted from memberships.</summary>
public sealed record CommunitySearchResult(int Id, string Name, string? Description, int MemberCount, bool IsMember);

public sealed record CommunitySearchPage(IReadOnlyList<CommunitySearchResult> Items, int Page, bool HasMore);
