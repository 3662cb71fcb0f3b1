using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Chat.App.Components.Tabs;

internal static class TabLimitServiceCollectionExtensions
{
    /// <summary>Caps the live tabs per user (<c>Circuit:MaxPerUser</c>), closing the idlest beyond it.</summary>
    public static IServiceCollection AddTabLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<TabLimitOptions>(configuration, TabLimitOptions.Section);
        services.AddSingleton<OpenTabs>();
        services.AddScoped<OpenTab>();
        services.AddScoped<CircuitHandler, TabLimitCircuitHandler>();
        return services;
    }
}
