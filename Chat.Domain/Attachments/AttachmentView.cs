namespace Chat.Domain.Attachments;

/// <summary>What a message shows of a file: enough for a thumbnail or a card, never the bytes.</summary>
public sealed record AttachmentView(
    long Id, string FileName, string ContentType, long Size, AttachmentKind Kind, int? Width = null, int? Height = null);

/// <summary>A file to send to a reader who may read it.</summary>
public sealed record AttachmentFile(byte[] Bytes, string ContentType, string FileName, AttachmentKind Kind);
