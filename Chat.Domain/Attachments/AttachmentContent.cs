namespace Chat.Domain.Attachments;

/// <summary>An attachment's bytes, in their own table: read only by a download, deleted with the attachment.</summary>
public class AttachmentContent
{
    public long AttachmentId { get; set; }

    public byte[] Bytes { get; set; } = [];

    /// <summary>A picture's small copy for the message list; null for other files.</summary>
    public byte[]? Thumbnail { get; set; }
}
