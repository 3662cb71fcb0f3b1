using Microsoft.AspNetCore.Antiforgery;

namespace Chat.App.Components.Common;

/// <summary>
/// What the theme and the language preferences share: a cookie the browser keeps as long as it allows (400 days),
/// sent with every page so that the first paint already honours it, and unreadable by script; and the form post
/// that sets it, from a page's buttons (a cookie can only be set on an HTTP answer, not over the live connection).
/// </summary>
public static class PreferenceCookies
{
    public static CookieOptions Options(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(400),
            Path = "/",
        };
    }

    /// <summary>The posted form, or null when its antiforgery token is missing or wrong.</summary>
    public static async Task<IFormCollection?> ReadCheckedFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        // Minimal APIs only enforce the token when they bind form fields; these endpoints read the form themselves.
        return await antiforgery.IsRequestValidAsync(context)
            ? await context.Request.ReadFormAsync(context.RequestAborted)
            : null;
    }
}
