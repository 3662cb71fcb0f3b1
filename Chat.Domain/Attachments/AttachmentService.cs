using Chat.Domain.Communities;
using Chat.Domain.Pictures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Domain.Attachments;

/// <summary>
/// Uploads, downloads and the sweep of abandoned uploads. An upload is stored pending, in one transaction with its
/// bytes; sending the message claims it (<see cref="Messages.MessageService"/>), and only then can anyone but the
/// uploader read it. Who may read a file is decided on every read from its message's channel, so leaving or being
/// removed from a server ends access at once (docs/decisions/0014-file-storage.md).
/// </summary>
public sealed partial class AttachmentService(
    IDbContextFactory<ChatDbContext> dbFactory,
    TimeProvider clock,
    IOptions<AttachmentOptions> options,
    ILogger<AttachmentService> logger)
{
    /// <summary>The most pixels a side of an uploaded picture may declare; more is refused before decoding.</summary>
    public const int MaxDeclaredSide = 16_384;

    /// <summary>The most pixels an uploaded picture may declare in all: 40 million, 160 MB once decoded.</summary>
    public const long MaxDeclaredPixels = 40_000_000;

    /// <summary>A thumbnail's longer side, in pixels.</summary>
    public const int ThumbnailSide = 320;

    /// <summary>
    /// Stores a file for a message the user is about to send in <paramref name="channelId"/>: only a member may.
    /// A file that claims to be a picture (by name, type or first bytes) must decode, and is stored re-encoded with
    /// a thumbnail; anything else is kept as it is, to be downloaded only. Refused uploads store nothing.
    /// </summary>
    public async Task<AttachmentView> UploadAsync(
        string? userId, int channelId, string fileName, string? declaredType, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Access.RequireLoggedIn(userId);

        var limits = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communityId = await db.Channels.Where(c => c.Id == channelId).Select(c => (int?)c.CommunityId).SingleOrDefaultAsync(ct)
            ?? throw DomainErrors.ChannelNotFound();
        await Access.RequireMemberAsync(db, communityId, userId, ct);

        var bytes = await ReadAtMostAsync(content, limits.MaxBytesPerFile, ct);
        if (bytes.Length == 0)
        {
            throw DomainErrors.AttachmentEmpty();
        }

        var name = FileNames.Clean(fileName);
        await RequireDailyAllowanceAsync(db, userId, bytes.Length, limits, ct);
        var attachment = FileNames.ClaimsPicture(name, declaredType, bytes)
            ? await DecodePictureAsync(name, bytes, limits)
            : new Attachment
            {
                FileName = name,
                ContentType = FileNames.ContentTypeOf(name),
                Size = bytes.Length,
                Kind = AttachmentKind.File,
                Content = new AttachmentContent { Bytes = bytes },
            };
        attachment.UploaderId = userId;
        attachment.UploadedAt = clock.GetUtcNow().UtcDateTime;
        // One statement's worth of transaction: a crash leaves either the whole pending row or nothing.
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return ToView(attachment);
    }

    /// <summary>Takes back a pending upload (cancelled in the composer); a sent message's files go with the message.</summary>
    public async Task DiscardAsync(string? userId, long attachmentId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.Attachments
            .Where(a => a.Id == attachmentId && a.UploaderId == userId && a.MessageId == null)
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            throw DomainErrors.AttachmentNotFound();
        }
    }

    /// <summary>
    /// A file, or a picture's thumbnail, for a reader who may read its channel now. A pending upload is its
    /// uploader's alone; to anyone else it does not exist.
    /// </summary>
    public async Task<AttachmentFile> GetFileAsync(
        string? userId, long attachmentId, bool thumbnail = false, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Select(a => new
            {
                a.MessageId,
                a.UploaderId,
                CommunityId = (int?)a.Message!.Channel!.CommunityId,
                a.FileName,
                a.ContentType,
                a.Kind,
            })
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.AttachmentNotFound();
        if (found.MessageId is null)
        {
            if (found.UploaderId != userId)
            {
                throw DomainErrors.AttachmentNotFound();
            }
        }
        else
        {
            await Access.RequireMemberAsync(db, found.CommunityId!.Value, userId, ct);
        }

        if (thumbnail && found.Kind != AttachmentKind.Picture)
        {
            throw DomainErrors.AttachmentNotFound();
        }

        var bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.AttachmentId == attachmentId)
            .Select(c => thumbnail ? c.Thumbnail : c.Bytes)
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.AttachmentNotFound();
        return new AttachmentFile(bytes, found.ContentType, found.FileName, found.Kind);
    }

    /// <summary>
    /// Deletes uploads whose message never came (a closed tab, an instance killed between upload and send) once
    /// they are older than <see cref="AttachmentOptions.PendingLifetime"/>. Any instance may run it, any number of times.
    /// </summary>
    public async Task<int> SweepPendingAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.PendingLifetime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.Attachments.Where(a => a.MessageId == null && a.UploadedAt < cutoff).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            LogSwept(deleted);
        }

        return deleted;
    }

    internal static AttachmentView ToView(Attachment a) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.Kind, a.Width, a.Height);

    private static async Task<Attachment> DecodePictureAsync(string name, byte[] bytes, AttachmentOptions limits)
    {
        DecodedPicture picture;
        try
        {
            // Decoding takes a while for a large photo: off the caller's thread (a live tab's circuit).
            picture = await Task.Run(() => PictureDecoder.Decode(
                bytes, new PictureLimits(MaxDeclaredSide, MaxDeclaredPixels, limits.MaxPictureSide, ThumbnailSide)));
        }
        catch (PictureRefusedException refused) when (refused.Refusal == PictureRefusal.TooLarge)
        {
            throw DomainErrors.AttachmentPictureTooLarge(name, refused.Declared.Width, refused.Declared.Height);
        }
        catch (PictureRefusedException)
        {
            throw DomainErrors.AttachmentNotAPicture(name);
        }

        return new Attachment
        {
            FileName = FileNames.WithExtensionOf(name, picture.ContentType),
            ContentType = picture.ContentType,
            Size = picture.Bytes.Length,
            Kind = AttachmentKind.Picture,
            Width = picture.Width,
            Height = picture.Height,
            Content = new AttachmentContent { Bytes = picture.Bytes, Thumbnail = picture.Thumbnail },
        };
    }

    /// <summary>Reads the upload, refusing it as soon as it passes the limit (never buffering more than that).</summary>
    private static async Task<byte[]> ReadAtMostAsync(Stream content, int maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw DomainErrors.AttachmentTooBig(maxBytes / (1024 * 1024));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private async Task RequireDailyAllowanceAsync(
        ChatDbContext db, string userId, long size, AttachmentOptions limits, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var recent = db.Attachments.AsNoTracking().Where(a => a.UploaderId == userId && a.UploadedAt > since);
        var files = await recent.CountAsync(ct);
        var bytes = files == 0 ? 0 : await recent.SumAsync(a => a.Size, ct);
        if (files + 1 > limits.MaxFilesPerDay || bytes + size > limits.MaxBytesPerDay)
        {
            LogDailyLimit(userId);
            throw DomainErrors.UploadLimitReached(limits.MaxFilesPerDay, (int)Math.Min(int.MaxValue, limits.MaxBytesPerDay / (1024 * 1024)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} uploads whose message was never sent")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} reached the daily upload limit")]
    private partial void LogDailyLimit(string userId);
}
