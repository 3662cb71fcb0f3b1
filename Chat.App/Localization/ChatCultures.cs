using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace Chat.App.Localization;

/// <summary>
/// The languages Chat speaks, and how a request picks one: the culture cookie (the user's choice), else the
/// browser's Accept-Language (any es-* is Spanish), else English. A live circuit keeps the culture of the request
/// that started it, so static pages and circuits agree.
/// </summary>
public static class ChatCultures
{
    public const string English = "en";
    public const string Spanish = "es";

    /// <summary>The culture cookie; its value is the framework's "c=es|uic=es".</summary>
    public const string CookieName = "chat.culture";

    public static IReadOnlyList<string> Supported { get; } = [English, Spanish];

    public static IServiceCollection AddChatLocalization(this IServiceCollection services)
    {
        // Resources live beside what they translate: Components/Pages/ProfilePage.es.resx for ProfilePage.
        services.AddLocalization();
        // MudBlazor's own words (a snackbar's close button); after AddMudServices, whose default this replaces.
        services.Replace(ServiceDescriptor.Transient<MudLocalizer, MudBlazorWords>());
        return services;
    }

    public static IApplicationBuilder UseChatLocalization(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(English)
            .AddSupportedCultures([.. Supported])
            .AddSupportedUICultures([.. Supported]);
        // es-AR, es-MX... fall back to their parent, es (the default), so every Spanish browser gets Spanish.
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider { CookieName = CookieName },
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return app.UseRequestLocalization(options);
    }

    /// <summary>The language of the page being rendered, for html lang.</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
