using Chat.Domain.Messages;
using Chat.Domain.Users;

namespace Chat.Domain.Attachments;

/// <summary>
/// A file uploaded for a message. It belongs to a message, never to a server, so that any kind of conversation can
/// carry files; who may read it follows from its message. Until the message is sent it is pending (no message):
/// visible to nobody but its uploader, and swept away after <see cref="AttachmentOptions.PendingLifetime"/>.
/// The bytes live in <see cref="AttachmentContent"/>, so that lists of attachments never read them.
/// </summary>
public class Attachment
{
    public const int FileNameMaxLength = 255;

    public const int ContentTypeMaxLength = 100;

    public long Id { get; set; }

    /// <summary>Null while pending; set once, when the message is sent (a concurrency token, so two sends cannot both claim it).</summary>
    public long? MessageId { get; set; }

    public string UploaderId { get; set; } = "";

    /// <summary>The name the uploader gave, cleaned (<see cref="FileNames.Clean"/>); only ever shown and offered as a download name.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Decided by the server: the re-encoded picture's type, or a type from a short list by extension.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>The stored bytes' length (a picture's after re-encoding).</summary>
    public long Size { get; set; }

    public AttachmentKind Kind { get; set; }

    /// <summary>A picture's stored size in pixels; null for other files.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }

    public DateTime UploadedAt { get; set; }

    public Message? Message { get; set; }

    public ChatUser? Uploader { get; set; }

    public AttachmentContent? Content { get; set; }
}
