using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Invitations;
using Chat.Domain.Messages;
using Chat.Domain.Notifications;
using Chat.Domain.Profiles;
using Chat.Domain.Realtime.Relay;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Chat.Domain.Data;

/// <summary>
/// The one model. Each provider has a subclass only so that its migrations can live beside the other's in this
/// assembly (EF finds migrations by context type); the model itself is provider-neutral.
/// </summary>
public abstract class ChatDbContext(DbContextOptions options) : IdentityDbContext<ChatUser>(options)
{
    public DbSet<Community> Communities => Set<Community>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<MessageRevision> MessageRevisions => Set<MessageRevision>();

    public DbSet<ChannelReadState> ChannelReadStates => Set<ChannelReadState>();

    public DbSet<Mention> Mentions => Set<Mention>();

    public DbSet<UserAvatar> Avatars => Set<UserAvatar>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<InviteLink> InviteLinks => Set<InviteLink>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Sign-ins whose cookies are valid until revoked (docs/decisions/0005-server-side-sessions.md).</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>Events on their way to the other instances; used on PostgreSQL only (docs/decisions/0004-scale-out.md).</summary>
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ChatDbContext).Assembly);
    }
}

public sealed class SqliteChatDbContext(DbContextOptions options) : ChatDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores no time zone; every DateTime in the model is UTC, so say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class PostgresChatDbContext(DbContextOptions options) : ChatDbContext(options);
