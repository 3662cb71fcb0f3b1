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
    int AuthorAvatarVersion = 0);
