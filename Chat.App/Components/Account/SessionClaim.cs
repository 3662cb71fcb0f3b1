using System.Security.Claims;

namespace Chat.App.Components.Account;

/// <summary>The claim of the auth cookie that names its server-side session (Chat.Domain/Sessions).</summary>
public static class SessionClaim
{
    public const string Type = "chat:session";

    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(Type);

    /// <summary>The user id as Identity writes it into the cookie.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
