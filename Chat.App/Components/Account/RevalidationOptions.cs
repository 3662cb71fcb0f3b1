using System.ComponentModel.DataAnnotations;

namespace Chat.App.Components.Account;

/// <summary>How often a cookie and a live tab are checked against the user's security stamp (section Auth).</summary>
public sealed class RevalidationOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// A backstop only: sessions end at once through <see cref="ServerSideSessions"/>. The circuit's revalidation
    /// loop waits this long between checks; zero would spin without ever yielding.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00",
        ErrorMessage = "Auth:RevalidationInterval must be greater than zero and at most a day ({1} to {2}).")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
