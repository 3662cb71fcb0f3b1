using Microsoft.Extensions.Options;

namespace Chat.App;

internal static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// One setting group, the framework's way (docs/decisions/0010-settings-through-options.md): bound from its
    /// section and checked by its data annotations when the app starts, so a wrong value stops the start naming its key.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSettings<TOptions>(
        this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
