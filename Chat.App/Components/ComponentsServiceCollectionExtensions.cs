using Chat.App.Components.Common;
using Chat.App.Components.Layout;
using Chat.App.Components.Messaging;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace Chat.App.Components;

internal static class ComponentsServiceCollectionExtensions
{
    /// <summary>Interactive server components, their circuits, and what every page reads of its request and reader.</summary>
    public static IServiceCollection AddChatComponents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<CircuitRetentionOptions>(configuration, CircuitRetentionOptions.Section);
        services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                // .NET 10 would otherwise keep an evicted circuit's root components for two hours and "resume" them
                // into a new circuit under the old page, whose scripts still hold the old circuit's objects. A reload
                // is one clean path that works on every instance behind the balancer.
                options.PersistedCircuitInMemoryMaxRetained = 0;
            });
        services.AddOptions<CircuitOptions>().Configure<IOptions<CircuitRetentionOptions>>(
            (options, settings) => options.DisconnectedCircuitRetentionPeriod = settings.Value.DisconnectedRetention);

        services.AddHttpContextAccessor();
        services.AddScoped<HttpStatus>();
        services.AddScoped<ReaderTimeZone>();
        services.AddScoped<CircuitHandler, PresenceCircuitHandler>();
        return services;
    }
}
