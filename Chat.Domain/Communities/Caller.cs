namespace Chat.Domain.Communities;

/// <summary>
/// The logged-in user a service call acts for, as a member of one community: what <see cref="Access"/> hands back
/// once it has turned away the anonymous and the non-members, so a method needs no null check or <c>!</c> after it.
/// </summary>
internal sealed record Caller(string UserId, int CommunityId, MemberRole Role);
