using MudBlazor.Services;

namespace Chat.App.Components.Theming;

public static class ThemeServiceCollectionExtensions
{
    /// <summary>MudBlazor's services, and the light palette rendered once for "match the system".</summary>
    public static IServiceCollection AddChatTheme(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddSingleton<ThemeStyles>();
        return services;
    }
}
