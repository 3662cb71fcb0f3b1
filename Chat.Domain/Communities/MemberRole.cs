namespace Chat.Domain.Communities;

public enum MemberRole
{
    Member = 0,
    Admin = 1,
    Owner = 2,
}
