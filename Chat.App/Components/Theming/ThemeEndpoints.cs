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

        // The light palette for "match the system" while the device is light: the theme provider prerenders the
        // dark one, and this stylesheet overrides it from the first paint, before the circuit can ask the device.
        endpoints.MapGet("/theme/system.css", async (ThemeStyles styles) =>
            TypedResults.Text(await styles.GetSystemLightCssAsync(), "text/css"))
            .AllowAnonymous();
        return endpoints;
    }
}
