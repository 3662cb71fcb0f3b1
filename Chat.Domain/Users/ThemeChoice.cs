namespace Chat.Domain.Users;

/// <summary>How the app looks for a user: saved on the profile, stored as its number (so keep the values).</summary>
public enum ThemeChoice
{
    Dark = 0,
    Light = 1,

    /// <summary>Follows the device's light or dark setting (prefers-color-scheme).</summary>
    System = 2,
}
