using Chat.Domain.Attachments;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chat.Domain.Data;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength).IsRequired();
        // Two sends claiming one upload: the second update finds MessageId no longer null and fails, whole.
        builder.Property(a => a.MessageId).IsConcurrencyToken();
        // A message's files, and the daily allowance (one uploader's last 24 hours).
        builder.HasIndex(a => a.MessageId);
        builder.HasIndex(a => new { a.UploaderId, a.UploadedAt });
        // The sweep of pending uploads, oldest first.
        builder.HasIndex(a => a.UploadedAt);
        // Deleting a message deletes its files, in the database itself, whichever way the message goes.
        builder.HasOne(a => a.Message).WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Uploader).WithMany().HasForeignKey(a => a.UploaderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Content).WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.HasKey(c => c.AttachmentId);
        builder.Property(c => c.AttachmentId).ValueGeneratedNever();
        builder.Property(c => c.Bytes).IsRequired();
    }
}
