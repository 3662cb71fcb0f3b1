using System.Linq.Expressions;
using Chat.Domain.Attachments;
using Chat.Domain.Communities;
using Chat.Domain.Diagnostics;
using Chat.Domain.Direct;
using Chat.Domain.Notifications;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;
using Microsoft.Extensions.Options;

namespace Chat.Domain.Messages;

/// <summary>
/// Messages themselves: pages of history, send (with replies and files, in the partial files), edit, delete,
/// earlier versions, typing. Where each reader is in a channel is <see cref="ReadStateService"/>'s job; how a text
/// names people is <see cref="MentionParser"/>'s.
/// </summary>
public sealed partial class MessageService(
    IDbContextFactory<ChatDbContext> dbFactory,
    ChatHub hub,
    TimeProvider clock,
    WriteRateLimiter rateLimiter,
    NotificationService notifications,
    ChatMetrics metrics,
    IOptions<AttachmentOptions> attachmentOptions)
{
    public const int PageSize = 50;

    internal static readonly Expression<Func<Message, MessageView>> ToView = m => new MessageView(
        m.Id, m.ChannelId, m.AuthorId, m.Author!.UserName!, m.Author.DisplayName, m.Content, m.CreatedAt, m.EditedAt, m.Version,
        m.Author.AvatarVersion)
    {
        Kind = m.Kind,
        PinnedMessageId = m.PinnedMessageId,
        IsPinned = m.Pin != null,
        ReplyToId = m.ReplyToId,
    };

    /// <summary>
    /// The newest messages of a channel, oldest first for display. Reads through the (channel, id) index from
    /// the newest end, so the cost does not grow with the channel's history.
    /// </summary>
    public Task<IReadOnlyList<MessageView>> GetLatestAsync(
        int communityId, int channelId, string? userId, CancellationToken ct = default) =>
        GetPageAsync(communityId, channelId, userId, beforeId: null, ct);

    /// <summary>The page of messages just older than <paramref name="beforeId"/> (keyset paging, never OFFSET).</summary>
    public Task<IReadOnlyList<MessageView>> GetOlderAsync(
        int communityId, int channelId, string? userId, long beforeId, CancellationToken ct = default) =>
        GetPageAsync(communityId, channelId, userId, beforeId, ct);

    /// <summary>Messages newer than <paramref name="afterId"/>, for catching up after a reconnect.</summary>
    public async Task<IReadOnlyList<MessageView>> GetNewerAsync(
        int communityId, int channelId, string? userId, long afterId, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenAsync(dbFactory, userId, communityId, ct);
        var db = scope.Db;
        var newer = await db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Channel!.CommunityId == communityId && m.Id > afterId)
            .VisibleTo(db, scope.UserId)
            .OrderBy(m => m.Id)
            .Take(PageSize * 4)
            .Select(ToView)
            .ToListAsync(ct);
        return await WithDetailsAsync(db, newer, scope.UserId, ct);
    }

    /// <summary>
    /// Stores a message once per nonce: a send retried after a failure or a reconnect returns the message
    /// stored the first time instead of storing it twice.
    /// </summary>
    public Task<MessageView> SendAsync(
        string? userId, int channelId, string content, Guid nonce, CancellationToken ct = default) =>
        StoreAsync(userId, channelId, content, nonce, reply: null, ct);

    // A reply is a message like any other (MessageService.Replies.cs): the same checks, plus its original.
    private async Task<MessageView> StoreAsync(
        string? userId, int channelId, string content, Guid nonce, Reply? reply, IReadOnlyCollection<long>? attachmentIds,
        CancellationToken ct)
    {
        // Files alone make a message (MessageService.Attachments.cs).
        var text = attachmentIds is { Count: > 0 } ? ValidateOptionalContent(content) : ValidateContent(content);
        await using var scope = await MemberScope.OpenForChannelAsync(dbFactory, userId, channelId, ct);
        var (db, (authorId, communityId, role)) = (scope.Db, scope.Caller);
        var isDirect = await DirectRules.RequireMaySendAsync(db, communityId, authorId, ct);

        if (await FindByNonceAsync(db, authorId, nonce, ct) is { } alreadyStored)
        {
            return alreadyStored;
        }

        var original = reply is null ? null : await FindOriginalAsync(db, communityId, channelId, reply.MessageId, ct);
        var files = await MessageAttachments.ClaimAsync(db, authorId, attachmentIds, attachmentOptions.Value.MaxFilesPerMessage, ct);

        // After the retry check: answering a send that is already stored costs nothing.
        rateLimiter.Acquire(WriteAction.SendMessage, authorId);
        var message = new Message
        {
            ChannelId = channelId,
            AuthorId = authorId,
            Content = text,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Nonce = nonce,
            ReplyToId = original?.Id,
        };
        db.Messages.Add(message);
        foreach (var file in files)
        {
            file.Message = message;
        }

        var mentioned = await MentionedMembers.FindAsync(db, communityId, authorId, role, text, ct);
        foreach (var member in mentioned)
        {
            db.Mentions.Add(new Mention { Message = message, UserId = member.UserId, ChannelId = channelId });
        }

        // A muted server still notifies of direct mentions, never of @everyone. Stored with the message, at once.
        var inbox = isDirect
            ? await DirectMessageNotificationsAsync(db, communityId, channelId, authorId, message, ct)
            : mentioned.Where(m => m.Direct || !m.Muted)
                .Select(m => notifications.Add(db, m.UserId, NotificationKind.Mentioned, authorId, communityId, channelId, message))
                .ToList();
        if (!isDirect && original is not null && await NotifiesOriginalAuthorAsync(db, communityId, authorId, original, reply!, inbox, ct))
        {
            inbox.Add(notifications.Add(db, original.AuthorId, NotificationKind.Replied, authorId, communityId, channelId, message));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two sends of one nonce raced; the unique index let one in, and that one is the answer.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await FindByNonceAsync(fresh, authorId, nonce, ct) ?? throw DomainErrors.MessageNotStored();
        }

        var view = await StoredViewAsync(db, message.Id, ct);
        metrics.MessageSent();
        await hub.PublishAsync(new MessagePosted(communityId, view));
        await notifications.PublishAsync(inbox, ct);
        return view;
    }

    /// <summary>Only the author may edit; the edit must be based on the version the author saw.</summary>
    public async Task<MessageView> EditAsync(
        string? userId, long messageId, string content, int expectedVersion, CancellationToken ct = default)
    {
        var text = ValidateContent(content);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (message, author) = await FindOwnMessageAsync(db, userId, messageId, DomainErrors.OnlyAuthorEdits, ct);
        if (message.Kind != MessageKind.Text)
        {
            throw DomainErrors.LineNotEditable();
        }

        if (message.Version != expectedVersion)
        {
            throw DomainErrors.MessageChanged();
        }

        if (message.Content == text)
        {
            return await StoredViewAsync(db, messageId, ct);
        }

        rateLimiter.Acquire(WriteAction.EditMessage, author.UserId);
        var now = clock.GetUtcNow().UtcDateTime;
        db.MessageRevisions.Add(new MessageRevision
        {
            MessageId = message.Id,
            Content = message.Content,
            WrittenAt = message.EditedAt ?? message.CreatedAt,
        });
        message.Content = text;
        message.EditedAt = now;
        message.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainErrors.MessageChanged();
        }

        var view = await StoredViewAsync(db, messageId, ct);
        await hub.PublishAsync(new MessageEdited(author.CommunityId, view));
        return view;
    }

    /// <summary>Only the author may delete; the message and its earlier versions are gone for everyone.</summary>
    public async Task DeleteAsync(string? userId, long messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (message, author) = await FindOwnMessageAsync(db, userId, messageId, DomainErrors.OnlyAuthorDeletes, ct);
        rateLimiter.Acquire(WriteAction.DeleteMessage, author.UserId);
        db.Messages.Remove(message);
        await db.SaveChangesAsync(ct);
        await hub.PublishAsync(new MessageDeleted(author.CommunityId, message.ChannelId, message.Id));
    }

    /// <summary>Every text the message has had, oldest first, the current one last; members only.</summary>
    public async Task<IReadOnlyList<MessageRevisionView>> GetRevisionsAsync(
        string? userId, long messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId)
            .Select(m => new { m.Content, m.CreatedAt, m.EditedAt, m.Channel!.CommunityId })
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.MessageNotFound();
        await Access.RequireMemberAsync(db, message.CommunityId, userId, ct);
        var earlier = await db.MessageRevisions.AsNoTracking()
            .Where(r => r.MessageId == messageId)
            .OrderBy(r => r.Id)
            .Select(r => new MessageRevisionView(r.Content, r.WrittenAt))
            .ToListAsync(ct);
        earlier.Add(new MessageRevisionView(message.Content, message.EditedAt ?? message.CreatedAt));
        return earlier;
    }

    /// <summary>Tells the channel's other members that the user is typing; nothing is stored.</summary>
    public async Task NotifyTypingAsync(string? userId, int channelId, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenForChannelAsync(dbFactory, userId, channelId, ct);
        var name = await scope.Db.Users.Where(u => u.Id == scope.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        await hub.PublishAsync(new UserTyping(scope.CommunityId, channelId, scope.UserId, name));
    }

    internal static string ValidateContent(string? content)
    {
        var text = content?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw DomainErrors.MessageEmpty(nameof(content));
        }

        if (text.Length > Message.ContentMaxLength)
        {
            throw DomainErrors.MessageTooLong(Message.ContentMaxLength, text.Length, nameof(content));
        }

        return text;
    }

    private async Task<IReadOnlyList<MessageView>> GetPageAsync(
        int communityId, int channelId, string? userId, long? beforeId, CancellationToken ct)
    {
        await using var scope = await MemberScope.OpenAsync(dbFactory, userId, communityId, ct);
        var db = scope.Db;
        var query = db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Channel!.CommunityId == communityId)
            .VisibleTo(db, scope.UserId);
        if (beforeId is { } before)
        {
            query = query.Where(m => m.Id < before);
        }

        var newestFirst = await query.OrderByDescending(m => m.Id).Take(PageSize).Select(ToView).ToListAsync(ct);
        newestFirst.Reverse();
        return await WithDetailsAsync(db, newestFirst, scope.UserId, ct);
    }

    private static async Task<MessageView?> FindByNonceAsync(ChatDbContext db, string userId, Guid nonce, CancellationToken ct) =>
        await db.Messages.AsNoTracking().Where(m => m.AuthorId == userId && m.Nonce == nonce).Select(ToView)
            .SingleOrDefaultAsync(ct) is { } stored
            ? await MessageAttachments.AttachAsync(db, await ReplyQuotes.AttachAsync(db, stored, ct), ct)
            : null;

    // A message as its author sees it right after a change: its quote and its files.
    private static async Task<MessageView> StoredViewAsync(ChatDbContext db, long messageId, CancellationToken ct) =>
        await MessageAttachments.AttachAsync(db, await ReplyQuotes.AttachAsync(
            db, await db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(ToView).SingleAsync(ct), ct), ct);

    // Messages as a reader sees them: their quotes, reactions (with the reader's own marked) and files.
    private static async Task<List<MessageView>> WithDetailsAsync(
        ChatDbContext db, List<MessageView> messages, string readerId, CancellationToken ct) =>
        await MessageAttachments.AttachAsync(
            db, await ReactionSummaries.AttachAsync(db, await ReplyQuotes.AttachAsync(db, messages, ct), readerId, ct), ct);

    private static async Task<(Message Message, Caller Author)> FindOwnMessageAsync(
        ChatDbContext db, string? userId, long messageId, Func<ForbiddenException> notAuthor, CancellationToken ct)
    {
        var found = await db.Messages
            .Where(m => m.Id == messageId)
            .Select(m => new { Message = m, m.Channel!.CommunityId })
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.MessageNotFound();
        var caller = await Access.RequireCallerAsync(db, found.CommunityId, userId, ct);
        return found.Message.AuthorId == caller.UserId ? (found.Message, caller) : throw notAuthor();
    }
}
