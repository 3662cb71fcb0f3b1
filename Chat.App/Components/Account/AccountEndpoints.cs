using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Chat.App.Components.Account;

internal static class AccountEndpoints
{
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account");

        // A form post with an antiforgery token, so another site cannot log the user out.
        group.MapPost("/logout", async (
            HttpContext context,
            SignInManager<ChatUser> signInManager,
            UserManager<ChatUser> userManager) =>
        {
            if (await userManager.GetUserAsync(context.User) is { } user)
            {
                // A new stamp invalidates this user's other cookies and, at the next revalidation, their open tabs.
                await userManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });

        return group;
    }
}
