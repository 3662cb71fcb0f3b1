namespace Chat.Domain.Attachments;

public enum AttachmentKind
{
    /// <summary>Any file: shown as a card, downloaded, never opened in Chat's pages.</summary>
    File = 0,

    /// <summary>A PNG, JPEG, GIF or WebP picture, decoded and re-encoded: shown inline with a thumbnail.</summary>
    Picture = 1,
}
