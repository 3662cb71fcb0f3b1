using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Invitations;
using Chat.Domain.Messages;
using Chat.Domain.Notifications;
using Chat.Domain.Profiles;
using Chat.Domain.Realtime.Relay;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Domain.Data;

internal sealed class ChatUserConfiguration : IEntityTypeConfiguration<ChatUser>
{
    public void Configure(EntityTypeBuilder<ChatUser> builder)
    {
        builder.Property(u => u.UserName).HasMaxLength(ChatUser.UserNameMaxLength);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(ChatUser.UserNameMaxLength);
        builder.Property(u => u.DisplayName).HasMaxLength(ChatUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.Bio).HasMaxLength(ChatUser.BioMaxLength);
        builder.Property(u => u.UserNameSkeleton).HasMaxLength(Users.UserNameSkeleton.MaxLength).IsRequired();
        builder.HasIndex(u => u.UserNameSkeleton);
    }
}

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<Community>
{
    public void Configure(EntityTypeBuilder<Community> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Community.NameMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Community.DescriptionMaxLength);
        builder.HasIndex(c => c.Name);
        // Folding can decompose a character into two (SearchText.Fold); twice the name's length always holds it.
        builder.Property(c => c.SearchName).HasMaxLength(Community.NameMaxLength * 2).IsRequired();
        builder.HasIndex(c => c.SearchName);
        builder.Property(c => c.DirectKey).HasMaxLength(Community.DirectKeyMaxLength);
        builder.HasIndex(c => c.DirectKey).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasKey(m => new { m.CommunityId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.HasOne(m => m.Community).WithMany(c => c.Memberships).HasForeignKey(m => m.CommunityId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Channel.NameMaxLength).IsRequired();
        builder.Property(c => c.Topic).HasMaxLength(Channel.TopicMaxLength);
        builder.Property(c => c.SearchName).HasMaxLength(Channel.NameMaxLength * 2).IsRequired();
        builder.HasIndex(c => new { c.CommunityId, c.Name }).IsUnique();
        builder.HasOne(c => c.Community).WithMany(c => c.Channels).HasForeignKey(c => c.CommunityId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.Content).HasMaxLength(Message.ContentMaxLength).IsRequired();
        // No length: folding may lengthen a text a little. Its full-text index is raw SQL in the MessageSearch migration.
        builder.Property(m => m.SearchContent).IsRequired();
        // History is read newest-first within a channel, by id.
        builder.HasIndex(m => new { m.ChannelId, m.Id });
        builder.HasIndex(m => new { m.AuthorId, m.Nonce }).IsUnique();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne(m => m.Channel).WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageRevisionConfiguration : IEntityTypeConfiguration<MessageRevision>
{
    public void Configure(EntityTypeBuilder<MessageRevision> builder)
    {
        builder.Property(r => r.Content).HasMaxLength(Message.ContentMaxLength).IsRequired();
        builder.HasIndex(r => new { r.MessageId, r.Id });
        builder.HasOne(r => r.Message).WithMany(m => m.Revisions).HasForeignKey(r => r.MessageId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelReadStateConfiguration : IEntityTypeConfiguration<ChannelReadState>
{
    public void Configure(EntityTypeBuilder<ChannelReadState> builder)
    {
        builder.HasKey(r => new { r.UserId, r.ChannelId });
        builder.HasOne<ChatUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MentionConfiguration : IEntityTypeConfiguration<Mention>
{
    public void Configure(EntityTypeBuilder<Mention> builder)
    {
        builder.HasKey(m => new { m.MessageId, m.UserId });
        // Unread mention badges count a user's mentions per channel after the last read message.
        builder.HasIndex(m => new { m.UserId, m.ChannelId, m.MessageId });
        builder.HasOne(m => m.Message).WithMany().HasForeignKey(m => m.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChatUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> builder)
    {
        builder.Property(r => r.Emoji).HasMaxLength(Reaction.EmojiMaxLength).IsRequired();
        // Once per user, emoji and message even when two taps race: the database refuses the second row. It also
        // serves reading a page's reactions by message.
        builder.HasIndex(r => new { r.MessageId, r.UserId, r.Emoji }).IsUnique();
        builder.HasOne(r => r.Message).WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PinConfiguration : IEntityTypeConfiguration<Pin>
{
    public void Configure(EntityTypeBuilder<Pin> builder)
    {
        // One pin per message, even when two admins pin it at once: the database refuses the second row.
        builder.HasIndex(p => p.MessageId).IsUnique();
        builder.HasOne(p => p.Message).WithOne(m => m.Pin).HasForeignKey<Pin>(p => p.MessageId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.PinnedBy).WithMany().HasForeignKey(p => p.PinnedById).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserAvatarConfiguration : IEntityTypeConfiguration<UserAvatar>
{
    public void Configure(EntityTypeBuilder<UserAvatar> builder)
    {
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.ContentType).HasMaxLength(32).IsRequired();
        builder.HasOne(a => a.User).WithOne().HasForeignKey<UserAvatar>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        // One pending invitation per user and server; answered ones stay as history. The filter is plain SQL
        // that SQLite and PostgreSQL both read.
        builder.HasIndex(i => new { i.CommunityId, i.InviteeId }).IsUnique().HasFilter("\"Status\" = 0");
        builder.HasIndex(i => new { i.InviteeId, i.Status });
        builder.HasOne(i => i.Community).WithMany().HasForeignKey(i => i.CommunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChatUser>().WithMany().HasForeignKey(i => i.InviterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChatUser>().WithMany().HasForeignKey(i => i.InviteeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InviteLinkConfiguration : IEntityTypeConfiguration<InviteLink>
{
    public void Configure(EntityTypeBuilder<InviteLink> builder)
    {
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(InviteLink.CodeLength);
        builder.HasIndex(l => l.CommunityId);
        builder.HasOne(l => l.Community).WithMany().HasForeignKey(l => l.CommunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChatUser>().WithMany().HasForeignKey(l => l.CreatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        // The inbox reads a user's newest first, and counts the unread ones.
        builder.HasIndex(n => new { n.UserId, n.Id });
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasOne<ChatUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Communities.Community>().WithMany().HasForeignKey(n => n.CommunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Message).WithMany().HasForeignKey(n => n.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invitation>().WithMany().HasForeignKey(n => n.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.Property(e => e.Origin).HasMaxLength(OutboxEvent.OriginMaxLength).IsRequired();
        builder.Property(e => e.Topic).HasMaxLength(OutboxEvent.TopicMaxLength).IsRequired();
        builder.Property(e => e.Kind).HasMaxLength(OutboxEvent.KindMaxLength).IsRequired();
        builder.Property(e => e.Payload).IsRequired();
        // A reconnected listener reads the rows written since a moment; old rows are deleted by age.
        builder.HasIndex(e => e.CreatedAt);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(UserSession.IdMaxLength);
        // Revoking all of a user's sessions looks them up by user.
        builder.HasIndex(s => s.UserId);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.Property(k => k.Xml).IsRequired();
}

internal sealed class UserBlockConfiguration : IEntityTypeConfiguration<Direct.UserBlock>
{
    public void Configure(EntityTypeBuilder<Direct.UserBlock> builder)
    {
        builder.HasKey(b => new { b.BlockerId, b.BlockedId });
        // "Who blocked me" is asked on every direct send.
        builder.HasIndex(b => b.BlockedId);
        builder.HasOne<ChatUser>().WithMany().HasForeignKey(b => b.BlockerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(b => b.Blocked).WithMany().HasForeignKey(b => b.BlockedId).OnDelete(DeleteBehavior.Cascade);
    }
}
