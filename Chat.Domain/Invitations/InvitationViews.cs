namespace Chat.Domain.Invitations;

/// <summary>What the invitee sees: the server, how big it is, and who asked.</summary>
public sealed record InvitationView(
    long Id,
    int CommunityId,
    string CommunityName,
    string? CommunityDescription,
    int MemberCount,
    string InviterDisplayName,
    InvitationStatus Status,
    DateTime ExpiresAt);

public sealed record InviteLinkView(
    string Code,
    string CreatorDisplayName,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    int? MaxUses,
    int Uses,
    bool IsRevoked);

public enum InviteLinkState
{
    Valid,
    Expired,
    UsedUp,
    Revoked,
}

/// <summary>What /invite/{code} shows before joining.</summary>
public sealed record InviteLinkPreview(
    string Code,
    int CommunityId,
    string CommunityName,
    string? CommunityDescription,
    int MemberCount,
    InviteLinkState State,
    bool IsMember);

/// <summary>The choices offered for a new invite link, as in the apps people know.</summary>
public static class InviteLinkOptions
{
    public static IReadOnlyList<TimeSpan?> Lifetimes { get; } =
        [TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(7), null];

    public static IReadOnlyList<int?> MaxUses { get; } = [1, 5, 10, 25, 100, null];
}
