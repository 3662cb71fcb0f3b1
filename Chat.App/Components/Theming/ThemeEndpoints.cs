using System.Security.Claims;
using Chat.Domain.Profiles;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.App.Components.Theming;

internal static class ThemeEndpoints
{
    public static IEndpointRouteBuilder MapThemeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post (the profile page's theme buttons): saved on the profile and in the cookie, then back to the
        // page, which the browser loads again in the new theme. A cookie can only be set on an HTTP answer, not
        // over the live connection, and a reload is a small price for a choice made once.
        endpoints.MapPost("/account/theme", async Task<Results<BadRequest, RedirectHttpResult>> (
            HttpContext context,
            IAntiforgery antiforgery,
            ProfileService profiles) =>
        {
            // Minimal APIs only enforce the token when they bind form fields; this one reads the form itself.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (ThemeCookie.Parse(form["theme"]) is not { } theme)
            {
                return TypedResults.BadRequest();
            }

            await profiles.SetThemeAsync(context.User.FindFirstValue(ClaimTypes.NameIdentifier), theme, context.RequestAborted);
            ThemeCookie.Write(context, theme);
            return TypedResults.LocalRedirect("~/profile");
        });

        // The palettes for "match the system": the device's one paints from the first paint on, and follows the
        // device's changes by CSS alone, whether or not the circuit has started.
        endpoints.MapGet("/theme/system.css", async (ThemeStyles styles) =>
            TypedResults.Text(await styles.GetSystemCssAsync(), "text/css"))
            .AllowAnonymous();
        return endpoints;
    }
}
