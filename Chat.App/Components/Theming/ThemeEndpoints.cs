using Chat.App.Components.Account;
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
            if (await PreferenceCookies.ReadCheckedFormAsync(context, antiforgery) is not { } form
                || ThemeCookie.Parse(form["theme"]) is not { } theme)
            {
                return TypedResults.BadRequest();
            }

            await profiles.SetThemeAsync(context.User.UserId(), theme, context.RequestAborted);
            ThemeCookie.Write(context, theme);
            return TypedResults.LocalRedirect("~/profile");
        });

        // The theme's stylesheet, one per choice (ThemeStyles), linked by every page from its theme cookie.
        endpoints.MapGet("/theme/{name}.css", async Task<Results<NotFound, ContentHttpResult>> (string name, ThemeStyles styles) =>
            ThemeCookie.Parse(name) is { } theme
                ? TypedResults.Text(await styles.GetCssAsync(theme), "text/css")
                : TypedResults.NotFound())
            .AllowAnonymous();
        return endpoints;
    }
}
