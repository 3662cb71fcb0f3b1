using Microsoft.AspNetCore.Identity;

namespace Chat.Domain.Users;

/// <summary>An account. Identity owns the credentials; the rest is what other members see.</summary>
public class ChatUser : IdentityUser
{
    public const int UserNameMinLength = 3;
    public const int UserNameMaxLength = 32;
    /// <summary>The two lengths above, written out (a constant cannot format numbers); a test holds them together.</summary>
    public const string UserNamePattern = "^[A-Za-z0-9_.]{3,32}$";
    public const int DisplayNameMaxLength = 32;

    public const int BioMaxLength = 190;

    /// <summary>Identity's column for the email address.</summary>
    public const int EmailMaxLength = 256;

    /// <summary>Length over composition (NIST SP 800-63B): at least this many characters, any characters.</summary>
    public const int PasswordMinLength = 10;

    public const int PasswordMaxLength = 128;

    public string DisplayName { get; set; } = "";

    /// <summary>
    /// <see cref="Users.UserNameSkeleton"/> of the username, kept by <see cref="ChatUserManager"/> beside the
    /// normalized name, so that a lookalike of an existing name is found with one indexed query.
    /// </summary>
    public string UserNameSkeleton { get; set; } = "";

    public string? Bio { get; set; }

    /// <summary>
    /// Grows with each new picture, so its URL changes and caches can keep each one forever; zero or negative
    /// when the user has no picture.
    /// </summary>
    public int AvatarVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Dark (the default), light, or the device's setting.</summary>
    public ThemeChoice Theme { get; set; }

    /// <summary>Automatic (the browser's language, the default), English or Spanish.</summary>
    public LanguageChoice Language { get; set; }

    /// <summary>Who may start a direct conversation with this user (Direct/DirectMessagePrivacy).</summary>
    public Direct.DirectMessagePrivacy DirectMessages { get; set; }
}
