namespace Chat.Domain.Communities;

/// <summary>
/// What a community is: a server people find and join, or a direct conversation whose members are its participants
/// (docs/decisions/0015-direct-messages.md). Everything that lists or finds servers keeps to <see cref="Server"/>.
/// </summary>
public enum CommunityKind
{
    Server = 0,
    Direct = 1,
}
