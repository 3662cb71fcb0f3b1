namespace Chat.Domain.RateLimiting;

/// <summary>The kinds of write a user is limited in, each with a bucket of its own (<see cref="WriteRateLimitOptions"/>).</summary>
public enum WriteAction
{
    SendMessage,
    EditMessage,
    DeleteMessage,
    MarkUnread,
    React,
    Pin,
    CreateServer,
    ManageChannels,
    Invite,
    ChangeProfile,
}
