using Chat.App.Components.Account;
using Chat.Domain.Profiles;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chat.App.Components.Localization;

internal static class LanguageEndpoints
{
    public const string Path = "/account/language";

    public static IEndpointRouteBuilder MapLanguageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post, like the theme's: a cookie can only be set on an HTTP answer, and the page must be rendered
        // again in the new language anyway. A logged-in user's choice is saved on the profile (the profile page's
        // chooser); a visitor's (the login and register pages' switch) lives in the cookie only.
        endpoints.MapPost(Path, async Task<Results<BadRequest, RedirectHttpResult>> (
            HttpContext context,
            IAntiforgery antiforgery,
            ProfileService profiles) =>
        {
            if (await PreferenceCookies.ReadCheckedFormAsync(context, antiforgery) is not { } form
                || LanguageCookie.Parse(form["language"]) is not { } language)
            {
                return TypedResults.BadRequest();
            }

            if (context.User.Identity?.IsAuthenticated == true)
            {
                await profiles.SetLanguageAsync(context.User.UserId(), language, context.RequestAborted);
            }

            LanguageCookie.Write(context, language);
            var back = form["returnUrl"].ToString();
            return TypedResults.LocalRedirect(IsLocal(back) ? back : "~/profile");
        })
        .AllowAnonymous();
        return endpoints;
    }

    // Back to a page of this app only: "/x" but not "//host" or "/\host", which browsers take for another site.
    private static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
