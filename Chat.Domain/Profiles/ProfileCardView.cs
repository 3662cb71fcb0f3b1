using Chat.Domain.Communities;

namespace Chat.Domain.Profiles;

/// <summary>
/// What a member sees of another member of the same server on their profile card. No email: the card is for
/// other people, and the role is this server's, so the same person reads differently from server to server.
/// </summary>
public sealed record ProfileCardView(
    string UserId, string UserName, string DisplayName, string? Bio, int AvatarVersion, MemberRole Role);
