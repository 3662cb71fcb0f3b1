using System.ComponentModel.DataAnnotations;

namespace Chat.App.Security;

/// <summary>Login form posts allowed per client address and minute (section Auth).</summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Auth";

    [Range(1, int.MaxValue, ErrorMessage = "Auth:LoginPostsPerMinute must be between {1} and {2}.")]
    public int LoginPostsPerMinute { get; set; } = 10;
}
