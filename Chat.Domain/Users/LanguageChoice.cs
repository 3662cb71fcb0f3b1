namespace Chat.Domain.Users;

/// <summary>The language of the interface for a user: saved on the profile, stored as its number (so keep the values).</summary>
public enum LanguageChoice
{
    /// <summary>The browser's language (Accept-Language): Spanish for any es-*, otherwise English.</summary>
    Automatic = 0,
    English = 1,
    Spanish = 2,
}
