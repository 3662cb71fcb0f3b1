using Chat.App.Components.Account;

namespace Chat.App.Components;

public static class AuthenticationStateExtensions
{
    /// <summary>The signed-in user's id, which the domain services take to check what the user may do.</summary>
    public static string? UserId(this AuthenticationState state) =>
        state.User.Identity?.IsAuthenticated == true ? state.User.UserId() : null;
}
