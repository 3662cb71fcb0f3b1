using System.ComponentModel.DataAnnotations;

namespace Chat.App.Security;

/// <summary>Login and registration form posts allowed per client address (section Auth).</summary>
public sealed class FormPostLimitOptions
{
    public const string Section = "Auth";

    /// <summary>Login form posts per client address and minute.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Auth:LoginPostsPerMinute must be between {1} and {2}.")]
    public int LoginPostsPerMinute { get; set; } = 10;

    /// <summary>Registration form posts per client address and hour.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Auth:RegistrationPostsPerHour must be between {1} and {2}.")]
    public int RegistrationPostsPerHour { get; set; } = 10;
}
