using Chat.Domain.Attachments;
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

    public DbSet<Reaction> Reactions => Set<Reaction>();

    public DbSet<Pin> Pins => Set<Pin>();

    public DbSet<Direct.UserBlock> UserBlocks => Set<Direct.UserBlock>();

    public DbSet<UserAvatar> Avatars => Set<UserAvatar>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();

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

/// <summary>MySQL and MariaDB, through Oracle's provider; its differences are small and named here.</summary>
public sealed class MySqlChatDbContext(DbContextOptions options) : ChatDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // MySql.Data truncates times to whole seconds unless the column is datetime(6), and it drops a
        // DateTimeOffset's fraction of a second even then: store every time as a UTC datetime(6).
        configurationBuilder.Properties<DateTime>().HavePrecision(6).HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HavePrecision(6).HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HavePrecision(6).HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HavePrecision(6).HaveConversion<UtcDateTimeOffsetConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Compare text by code point, as SQLite and PostgreSQL do: the server's default collation (often
        // utf8mb4_general_ci) would make unique names case- and accent-blind and treat different emoji as equal.
        // Case-insensitive search lowers both sides itself, as it must on PostgreSQL too. Oracle's provider 10.0.12
        // writes no collation into its SQL (neither this one nor a column's), and its per-table setting cannot be
        // written into a model snapshot (an internal class); so the Initial migration sets the database's default,
        // which every table takes, by hand.
        builder.UseCollation("utf8mb4_bin");

        // MySQL has no filtered (partial) index, so "one pending invitation per user and server" becomes a unique
        // index over a generated column that is 0 while pending and NULL afterwards (NULLs never collide).
        var invitation = builder.Entity<Invitation>();
        var pendingIndex = invitation.Metadata.GetIndexes().Single(i => i.GetFilter() is not null);
        invitation.Metadata.RemoveIndex(pendingIndex);
        invitation.Property<int?>(PendingSlot).HasComputedColumnSql("CASE WHEN `Status` = 0 THEN 0 END", stored: true);
        invitation.HasIndex(nameof(Invitation.CommunityId), nameof(Invitation.InviteeId), PendingSlot).IsUnique();
    }

    private const string PendingSlot = "PendingSlot";
}
