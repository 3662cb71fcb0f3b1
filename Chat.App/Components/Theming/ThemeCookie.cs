using Chat.App.Components.Common;

namespace Chat.App.Components.Theming;

/// <summary>
/// The theme in a cookie, so that the first, prerendered paint of any page (the login page too) already has it.
/// The profile keeps the choice too; logging in copies it from there into the cookie, and logging out leaves it.
/// </summary>
public static class ThemeCookie
{
    public const string Name = "chat.theme";

    public static ThemeChoice Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Parse(context.Request.Cookies[Name]) ?? ThemeChoice.Dark;
    }

    public static void Write(HttpContext context, ThemeChoice theme)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name, ToValue(theme), PreferenceCookies.Options(context));
    }

    /// <summary>The html element's data-theme: dark, light or system.</summary>
    public static string ToValue(ThemeChoice theme) => theme switch
    {
        ThemeChoice.Light => "light",
        ThemeChoice.System => "system",
        _ => "dark",
    };

    public static ThemeChoice? Parse(string? value) => value switch
    {
        "dark" => ThemeChoice.Dark,
        "light" => ThemeChoice.Light,
        "system" => ThemeChoice.System,
        _ => null,
    };
}
