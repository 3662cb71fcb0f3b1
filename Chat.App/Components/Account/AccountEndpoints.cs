using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Chat.App.Components.Account;

internal static class AccountEndpoints
{
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account");

        // A form post with an antiforgery token, so another site cannot log the user out.
        group.MapPost("/logout", async Task<Results<BadRequest, RedirectHttpResult>> (
            HttpContext context,
            IAntiforgery antiforgery,
            SignInManager<ChatUser> signInManager,
            UserManager<ChatUser> userManager,
            SessionService sessions) =>
        {
            // The antiforgery middleware only records its verdict; minimal APIs enforce it when they bind form fields,
            // and this endpoint binds none. So it checks the token itself.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }

            if (await userManager.GetUserAsync(context.User) is { } user)
            {
                // Logging out anywhere logs out everywhere: every cookie of the user is refused from now on, on every
                // instance, and their open tabs go to the login page. The new stamp stays as Identity's own backstop.
                await sessions.RevokeAllAsync(user.Id, context.RequestAborted);
                await userManager.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });

        return group;
    }
}
