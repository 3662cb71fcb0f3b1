using Chat.Domain.Users;

namespace Chat.Domain.Profiles;

/// <summary>A user's picture, stored in the database and served from a URL that changes with each upload.</summary>
public class UserAvatar
{
    public const int MaxBytes = 512 * 1024;

    /// <summary>
    /// The most pixels a side may declare. The browser shrinks a picture to 256 × 256 before uploading it, so only a
    /// tampered upload comes near this; a few bytes can declare a picture that would cost every viewer gigabytes.
    /// </summary>
    public const int MaxSide = 1024;

    public string UserId { get; set; } = "";

    public byte[] Bytes { get; set; } = [];

    /// <summary>Decided from the leading bytes, never from the file name or the browser's claim.</summary>
    public string ContentType { get; set; } = "";

    public ChatUser? User { get; set; }
}
