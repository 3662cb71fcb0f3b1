namespace Chat.Domain.Communities;

public sealed record MemberView(string UserId, string UserName, string DisplayName, MemberRole Role, int AvatarVersion = 0);
