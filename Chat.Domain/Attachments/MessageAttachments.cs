using Chat.Domain.Messages;

namespace Chat.Domain.Attachments;

/// <summary>The attachments' side of sending and reading messages, for <see cref="MessageService"/>.</summary>
internal static class MessageAttachments
{
    /// <summary>
    /// The sender's own pending uploads among <paramref name="ids"/>, tracked, for the new message to claim in the
    /// same save. Anything else (another's upload, one already sent, a swept one) refuses the whole message.
    /// </summary>
    public static async Task<IReadOnlyList<Attachment>> ClaimAsync(
        ChatDbContext db, string userId, IReadOnlyCollection<long>? ids, int maxPerMessage, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }

        var wanted = ids.Distinct().ToList();
        if (wanted.Count > maxPerMessage)
        {
            throw DomainErrors.TooManyAttachments(maxPerMessage);
        }

        // Only the metadata rows: the bytes are another entity, never loaded here.
        var pending = await db.Attachments
            .Where(a => wanted.Contains(a.Id) && a.UploaderId == userId && a.MessageId == null)
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        if (pending.Count != wanted.Count)
        {
            throw DomainErrors.AttachmentNotFound();
        }

        return pending;
    }

    /// <summary>The views with their files, in upload order, in one query for the page.</summary>
    public static async Task<List<MessageView>> AttachAsync(ChatDbContext db, List<MessageView> views, CancellationToken ct)
    {
        if (views.Count == 0)
        {
            return views;
        }

        var ids = views.Select(v => v.Id).ToList();
        var rows = await db.Attachments.AsNoTracking()
            .Where(a => a.MessageId != null && ids.Contains(a.MessageId.Value))
            .OrderBy(a => a.Id)
            .Select(a => new { MessageId = a.MessageId!.Value, View = new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Kind, a.Width, a.Height) })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return views;
        }

        var byMessage = rows.GroupBy(r => r.MessageId).ToDictionary(g => g.Key, g => (IReadOnlyList<AttachmentView>)g.Select(r => r.View).ToList());
        for (var i = 0; i < views.Count; i++)
        {
            if (byMessage.TryGetValue(views[i].Id, out var files))
            {
                views[i] = views[i] with { Attachments = files };
            }
        }

        return views;
    }

    public static async Task<MessageView> AttachAsync(ChatDbContext db, MessageView view, CancellationToken ct) =>
        (await AttachAsync(db, [view], ct))[0];
}
