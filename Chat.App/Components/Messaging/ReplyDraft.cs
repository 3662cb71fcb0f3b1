namespace Chat.App.Components.Messaging;

/// <summary>
/// The message the composer is replying to, and whether its author is told (Discord's "@ON"/"@OFF"). The toggle is
/// offered only for someone else's message: a reply to one's own never notifies.
/// </summary>
public sealed record ReplyDraft(long MessageId, string AuthorDisplayName, bool IsOwn, bool Notify = true);
