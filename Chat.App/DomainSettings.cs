using Chat.Domain.Attachments;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;

namespace Chat.App;

internal static class DomainSettings
{
    /// <summary>
    /// The domain's settings from the app's configuration, over the defaults that AddChatDomain registers: how fast
    /// one user may send, edit, create servers and channels, invite... (RateLimits; over it, "Slow down" and nothing
    /// changes), and how instances tell each other who is online (Presence).
    /// </summary>
    public static IServiceCollection AddChatDomainSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<WriteRateLimitOptions>(configuration, WriteRateLimitOptions.Section);
        services.AddSettings<PresenceOptions>(configuration, PresenceOptions.Section);
        services.AddSettings<AttachmentOptions>(configuration, AttachmentOptions.Section);
        return services;
    }
}
