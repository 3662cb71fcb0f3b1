namespace Chat.Domain.Messages;

public sealed record MessageView(
    long Id,
    int ChannelId,
    string AuthorId,
    string AuthorUserName,
    string AuthorDisplayName,
    string Content,
    DateTime CreatedAt,
    DateTime? EditedAt,
    int Version = 0,
    int AuthorAvatarVersion = 0)
{
    /// <summary>The message's reactions, in the order their emoji were first used; empty when it has none.</summary>
    public IReadOnlyList<ReactionSummary> Reactions { get; init; } = [];
}
