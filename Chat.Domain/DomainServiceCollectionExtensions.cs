using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Invitations;
using Chat.Domain.Messages;
using Chat.Domain.Notifications;
using Chat.Domain.Profiles;
using Chat.Domain.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>The database and the domain services; the app adds Identity and the UI on top.</summary>
    public static IServiceCollection AddChatDomain(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddLogging();
        services.AddSingleton(database);
        services.AddDbContextFactory<ChatDbContext, ChatDbContextFactory>(options => ChatDatabase.Configure(options, database));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ChatHub>();
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton(SendRateLimit.Default);
        services.AddSingleton<CommunityService>();
        services.AddSingleton<ChannelService>();
        services.AddSingleton<MessageService>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<InvitationService>();
        services.AddSingleton<ProfileService>();
        return services;
    }
}
