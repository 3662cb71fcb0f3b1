using System.ComponentModel.DataAnnotations;

namespace Chat.App.Security;

/// <summary>How many wrong passwords one client address may try on one account before it must wait (section Auth).</summary>
public sealed class LoginLockoutOptions
{
    public const string Section = "Auth";

    [Range(1, 1000, ErrorMessage = "Auth:LoginFailuresAllowed must be between {1} and {2}.")]
    public int LoginFailuresAllowed { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Auth:LoginLockout must be between {1} and {2}.")]
    public TimeSpan LoginLockout { get; set; } = TimeSpan.FromMinutes(5);
}
