namespace Chat.Domain.Direct;

/// <summary>Someone in a conversation, or someone one may start one with.</summary>
public sealed record ConversationPerson(string UserId, string UserName, string DisplayName, int AvatarVersion);

/// <summary>A conversation as the "Direct messages" list shows it.</summary>
public sealed record ConversationSummary(
    int Id, int ChannelId, IReadOnlyList<ConversationPerson> Others, DateTime LastActivityAt, int UnreadCount, int MentionCount);

/// <summary>An open conversation; <see cref="BlockedByMe"/> lists the others the reader blocked.</summary>
public sealed record ConversationDetail(
    int Id, int ChannelId, IReadOnlyList<ConversationPerson> Others, IReadOnlyList<string> BlockedByMe)
{
    public bool IsGroup => Others.Count > 1;
}

/// <summary>The reader's privacy setting and the people they blocked, for the profile page.</summary>
public sealed record PrivacySettings(DirectMessagePrivacy WhoMayMessage, IReadOnlyList<ConversationPerson> Blocked);
