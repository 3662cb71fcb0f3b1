using Chat.App.Components.Common;
using Chat.App.Localization;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Localization;

namespace Chat.App.Components.Localization;

/// <summary>
/// The language in the culture cookie (<see cref="ChatCultures.CookieName"/>), which request localization reads
/// before the browser's Accept-Language: static pages and the live circuits they start then agree. The profile keeps
/// the choice too; logging in copies it from there into the cookie, as for the theme. Automatic is no cookie.
/// </summary>
public static class LanguageCookie
{
    public static void Write(HttpContext context, LanguageChoice language)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CultureOf(language) is not { } culture)
        {
            context.Response.Cookies.Delete(ChatCultures.CookieName, new CookieOptions { Path = "/" });
            return;
        }

        context.Response.Cookies.Append(
            ChatCultures.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            PreferenceCookies.Options(context));
    }

    /// <summary>The choice the cookie holds: Automatic when there is none (or it names no language of ours).</summary>
    public static LanguageChoice Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Cookies[ChatCultures.CookieName];
        var culture = value is null ? null : CookieRequestCultureProvider.ParseCookieValue(value)?.UICultures.FirstOrDefault().Value;
        return culture switch
        {
            ChatCultures.English => LanguageChoice.English,
            ChatCultures.Spanish => LanguageChoice.Spanish,
            _ => LanguageChoice.Automatic,
        };
    }

    public static string? CultureOf(LanguageChoice language) => language switch
    {
        LanguageChoice.English => ChatCultures.English,
        LanguageChoice.Spanish => ChatCultures.Spanish,
        _ => null,
    };

    /// <summary>The form's value: auto, en or es.</summary>
    public static string ToValue(LanguageChoice language) => CultureOf(language) ?? "auto";

    public static LanguageChoice? Parse(string? value) => value switch
    {
        "auto" => LanguageChoice.Automatic,
        ChatCultures.English => LanguageChoice.English,
        ChatCultures.Spanish => LanguageChoice.Spanish,
        _ => null,
    };
}
