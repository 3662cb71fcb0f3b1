using Chat.Domain.Attachments;

namespace Chat.Domain.Messages;

/// <summary>Messages with files: the files were uploaded first (<see cref="AttachmentService"/>) and are claimed here.</summary>
public sealed partial class MessageService
{
    /// <summary>
    /// Stores a message with the sender's pending uploads <paramref name="attachmentIds"/> (at most
    /// <see cref="AttachmentOptions.MaxFilesPerMessage"/>), through the same checks as a message without files; the
    /// text may then be empty. The files become readable with the message, in the same save.
    /// </summary>
    public Task<MessageView> SendAsync(
        string? userId, int channelId, string content, Guid nonce, IReadOnlyCollection<long> attachmentIds,
        CancellationToken ct = default) =>
        StoreAsync(userId, channelId, content, nonce, reply: null, attachmentIds, ct);

    /// <summary>A reply (<see cref="ReplyAsync(string?, int, long, string, Guid, bool, CancellationToken)"/>) with files.</summary>
    public Task<MessageView> ReplyAsync(
        string? userId, int channelId, long replyToId, string content, Guid nonce, bool notifyAuthor,
        IReadOnlyCollection<long> attachmentIds, CancellationToken ct = default) =>
        StoreAsync(userId, channelId, content, nonce, new Reply(replyToId, notifyAuthor), attachmentIds, ct);

    private Task<MessageView> StoreAsync(
        string? userId, int channelId, string content, Guid nonce, Reply? reply, CancellationToken ct) =>
        StoreAsync(userId, channelId, content, nonce, reply, attachmentIds: null, ct);

    /// <summary>The text of a message with files: it may be empty, never too long.</summary>
    private static string ValidateOptionalContent(string? content)
    {
        var text = content?.Trim() ?? "";
        return text.Length > Message.ContentMaxLength
            ? throw DomainErrors.MessageTooLong(Message.ContentMaxLength, text.Length, nameof(content))
            : text;
    }
}
