using Chat.Domain.Attachments;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Diagnostics;
using Chat.Domain.Invitations;
using Chat.Domain.Messages;
using Chat.Domain.Messages.Search;
using Chat.Domain.Notifications;
using Chat.Domain.Profiles;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;
using Chat.Domain.Realtime.Relay;
using Chat.Domain.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>The database and the domain services; the app adds Identity and the UI on top.</summary>
    /// <param name="instanceName">This instance's name in logs (Instance:Name); the machine's name if null.</param>
    public static IServiceCollection AddChatDomain(
        this IServiceCollection services, DatabaseSettings database, string? instanceName = null)
    {
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton<ChatMetrics>();
        services.AddSingleton(database);
        services.AddSingleton(ChatInstance.Start(instanceName));
        services.AddDbContextFactory<ChatDbContext, ChatDbContextFactory>(options => ChatDatabase.Configure(options, database));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ChatHub>();
        services.AddSingleton<PresenceTracker>();
        // Defaults here; the app binds the Presence section over them (DomainSettings.cs).
        services.AddOptions<PresenceOptions>();
        services.AddSingleton<MemberDirectory>();
        // Defaults here; the app binds the RateLimits section over them (DomainSettings.cs).
        services.AddOptions<WriteRateLimitOptions>();
        services.AddSingleton<WriteRateLimiter>();
        services.AddSingleton<CommunityService>();
        services.AddSingleton<QuickSwitchService>();
        services.AddSingleton<ChannelService>();
        services.AddSingleton<MessageService>();
        services.AddSingleton<ReadStateService>();
        services.AddSingleton<ReactionService>();
        services.AddSingleton<PinService>();
        services.AddSingleton<AutocompleteService>();
        services.AddSingleton<MessageSearchService>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<Direct.DirectMessageService>();
        services.AddSingleton<Direct.PrivacyService>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<ProfileCardService>();
        // Defaults here; the app binds the Attachments section over them (DomainSettings.cs).
        services.AddOptions<AttachmentOptions>();
        services.AddSingleton<AttachmentService>();
        services.AddHostedService<PendingUploadSweeper>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<SessionService>();
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Several instances share a PostgreSQL database, and the hub's events reach them all through it. The
            // writer is registered first so that it stops last and still sends what the listener reports at stop.
            services.AddSingleton<OutboxWriter>();
            services.AddHostedService(sp => sp.GetRequiredService<OutboxWriter>());
            services.AddSingleton<OutboxListener>();
            services.AddHostedService(sp => sp.GetRequiredService<OutboxListener>());
            services.AddHostedService<PresenceHeartbeat>();
        }

        return services;
    }
}
