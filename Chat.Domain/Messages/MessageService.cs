using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Chat.Domain.Attachments;
using Chat.Domain.Communities;
using Chat.Domain.Data;
using Chat.Domain.Diagnostics;
using Chat.Domain.Direct;
using Chat.Domain.Notifications;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chat.Domain.Messages;

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
    private const string EveryoneMention = "EVERYONE";

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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        var newer = await db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Channel!.CommunityId == communityId && m.Id > afterId)
            .VisibleTo(db, userId)
            .OrderBy(m => m.Id)
            .Take(PageSize * 4)
            .Select(ToView)
            .ToListAsync(ct);
        return await MessageAttachments.AttachAsync(
            db, await ReactionSummaries.AttachAsync(db, await ReplyQuotes.AttachAsync(db, newer, ct), userId, ct), ct);
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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communityId = await CommunityOfChannelAsync(db, channelId, ct);
        var role = await Access.RequireMemberAsync(db, communityId, userId, ct);
        var isDirect = await DirectRules.RequireMaySendAsync(db, communityId, userId!, ct);

        if (await FindByNonceAsync(db, userId!, nonce, ct) is { } alreadyStored)
        {
            return alreadyStored;
        }

        var original = reply is null ? null : await FindOriginalAsync(db, communityId, channelId, reply.MessageId, ct);
        var files = await MessageAttachments.ClaimAsync(db, userId!, attachmentIds, attachmentOptions.Value.MaxFilesPerMessage, ct);

        // After the retry check: answering a send that is already stored costs nothing.
        rateLimiter.Acquire(WriteAction.SendMessage, userId);
        var message = new Message
        {
            ChannelId = channelId,
            AuthorId = userId!,
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

        var mentioned = await MentionedMembersAsync(db, communityId, userId!, role, text, ct);
        foreach (var member in mentioned)
        {
            db.Mentions.Add(new Mention { Message = message, UserId = member.UserId, ChannelId = channelId });
        }

        // A muted server still notifies of direct mentions, never of @everyone. Stored with the message, at once.
        var inbox = isDirect
            ? await DirectMessageNotificationsAsync(db, communityId, channelId, userId!, message, ct)
            : mentioned.Where(m => m.Direct || !m.Muted)
                .Select(m => notifications.Add(db, m.UserId, NotificationKind.Mentioned, userId, communityId, channelId, message))
                .ToList();
        if (!isDirect && original is not null && await NotifiesOriginalAuthorAsync(db, communityId, userId!, original, reply!, inbox, ct))
        {
            inbox.Add(notifications.Add(db, original.AuthorId, NotificationKind.Replied, userId, communityId, channelId, message));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two sends of one nonce raced; the unique index let one in, and that one is the answer.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return await FindByNonceAsync(fresh, userId!, nonce, ct) ?? throw DomainErrors.MessageNotStored();
        }

        var view = await MessageAttachments.AttachAsync(db, await ReplyQuotes.AttachAsync(
            db, await db.Messages.AsNoTracking().Where(m => m.Id == message.Id).Select(ToView).SingleAsync(ct), ct), ct);
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
        var (message, communityId) = await FindOwnMessageAsync(db, userId, messageId, DomainErrors.OnlyAuthorEdits, ct);
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
            return await MessageAttachments.AttachAsync(db, await ReplyQuotes.AttachAsync(
                db, await db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(ToView).SingleAsync(ct), ct), ct);
        }

        rateLimiter.Acquire(WriteAction.EditMessage, userId);
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

        var view = await MessageAttachments.AttachAsync(db, await ReplyQuotes.AttachAsync(
            db, await db.Messages.AsNoTracking().Where(m => m.Id == messageId).Select(ToView).SingleAsync(ct), ct), ct);
        await hub.PublishAsync(new MessageEdited(communityId, view));
        return view;
    }

    /// <summary>Only the author may delete; the message and its earlier versions are gone for everyone.</summary>
    public async Task DeleteAsync(string? userId, long messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (message, communityId) = await FindOwnMessageAsync(db, userId, messageId, DomainErrors.OnlyAuthorDeletes, ct);
        rateLimiter.Acquire(WriteAction.DeleteMessage, userId);
        db.Messages.Remove(message);
        await db.SaveChangesAsync(ct);
        await hub.PublishAsync(new MessageDeleted(communityId, message.ChannelId, message.Id));
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

    /// <summary>Moves the user's read marker forward to <paramref name="messageId"/> (never back).</summary>
    public async Task MarkReadAsync(string? userId, int channelId, long messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communityId = await CommunityOfChannelAsync(db, channelId, ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        var state = await db.ChannelReadStates.SingleOrDefaultAsync(r => r.UserId == userId && r.ChannelId == channelId, ct);
        if (state is not null && state.LastReadMessageId >= messageId)
        {
            return;
        }

        await SaveReadStateAsync(db, state, userId!, channelId, messageId, movedBack: false, ct);
    }

    /// <summary>Marks <paramref name="messageId"/> and everything after it unread again.</summary>
    public async Task MarkUnreadAsync(string? userId, int channelId, long messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communityId = await CommunityOfChannelAsync(db, channelId, ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        var previous = await db.Messages.Where(m => m.ChannelId == channelId && m.Id < messageId)
            .OrderByDescending(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync(ct);
        rateLimiter.Acquire(WriteAction.MarkUnread, userId);
        var state = await db.ChannelReadStates.SingleOrDefaultAsync(r => r.UserId == userId && r.ChannelId == channelId, ct);
        await SaveReadStateAsync(db, state, userId!, channelId, previous, movedBack: true, ct);
    }

    /// <summary>
    /// For each channel of the community: unread or not, and how many unread messages mention the user. One seek per
    /// channel into each index ((channel, id) for messages, (user, channel, message) for mentions), starting at the
    /// user's marker, so the cost follows the number of channels, not their history.
    /// </summary>
    public async Task<IReadOnlyList<ChannelUnread>> GetUnreadAsync(
        string? userId, int communityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        return await (
                from c in db.Channels.AsNoTracking()
                where c.CommunityId == communityId
                join r in db.ChannelReadStates.Where(r => r.UserId == userId) on c.Id equals r.ChannelId into markers
                from r in markers.DefaultIfEmpty()
                select new { c.Id, LastRead = r == null ? 0L : r.LastReadMessageId })
            .Select(c => new ChannelUnread(
                c.Id,
                db.Messages.Any(m => m.ChannelId == c.Id && m.Id > c.LastRead && m.AuthorId != userId),
                db.Mentions.Count(m => m.UserId == userId && m.ChannelId == c.Id && m.MessageId > c.LastRead),
                c.LastRead))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Unread mentions per community, for the badges on the server rail. Counted per channel of the user's
    /// communities from the user's marker on, so a long history of read mentions costs nothing; mentions stay
    /// when a member leaves or is removed, and only the communities they are in count.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> GetMentionCountsAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var perChannel = await (
                from ms in db.Memberships.AsNoTracking()
                where ms.UserId == userId
                join c in db.Channels on ms.CommunityId equals c.CommunityId
                join r in db.ChannelReadStates.Where(r => r.UserId == userId) on c.Id equals r.ChannelId into markers
                from r in markers.DefaultIfEmpty()
                select new { c.Id, c.CommunityId, LastRead = r == null ? 0L : r.LastReadMessageId })
            .Select(c => new
            {
                c.CommunityId,
                Count = db.Mentions.Count(m => m.UserId == userId && m.ChannelId == c.Id && m.MessageId > c.LastRead),
            })
            .ToListAsync(ct);
        // Filtered here, not in SQL, where EF would count twice (in WHERE and in SELECT).
        return perChannel.Where(c => c.Count > 0).GroupBy(c => c.CommunityId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
    }

    /// <summary>Tells the channel's other members that the user is typing; nothing is stored.</summary>
    public async Task NotifyTypingAsync(string? userId, int channelId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communityId = await CommunityOfChannelAsync(db, channelId, ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        await hub.PublishAsync(new UserTyping(communityId, channelId, userId!, name));
    }

    /// <summary>
    /// Whether <paramref name="content"/> names <paramref name="userName"/> as a stored mention would (@ana, also
    /// "@ana." at the end of a sentence), so a tab can tell from the event alone, without asking the database.
    /// </summary>
    public static bool Mentions(string content, string? userName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrEmpty(userName) || !content.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (Match match in MentionRegex().Matches(content))
        {
            var name = match.Groups[1].Value;
            if (string.Equals(name, userName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name.TrimEnd('.'), userName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        var query = db.Messages.AsNoTracking()
            .Where(m => m.ChannelId == channelId && m.Channel!.CommunityId == communityId)
            .VisibleTo(db, userId);
        if (beforeId is { } before)
        {
            query = query.Where(m => m.Id < before);
        }

        var newestFirst = await query.OrderByDescending(m => m.Id).Take(PageSize).Select(ToView).ToListAsync(ct);
        newestFirst.Reverse();
        return await MessageAttachments.AttachAsync(
            db, await ReactionSummaries.AttachAsync(db, await ReplyQuotes.AttachAsync(db, newestFirst, ct), userId, ct), ct);
    }

    private async Task SaveReadStateAsync(
        ChatDbContext db, ChannelReadState? state, string userId, int channelId, long messageId, bool movedBack, CancellationToken ct)
    {
        if (state is null)
        {
            db.ChannelReadStates.Add(new ChannelReadState { UserId = userId, ChannelId = channelId, LastReadMessageId = messageId });
        }
        else
        {
            state.LastReadMessageId = messageId;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs created the row at once; the other one's marker is just as good.
            return;
        }

        await hub.PublishAsync(new ReadStateChanged(userId, channelId, messageId, movedBack));
    }

    private static async Task<int> CommunityOfChannelAsync(ChatDbContext db, int channelId, CancellationToken ct) =>
        await db.Channels.Where(c => c.Id == channelId).Select(c => (int?)c.CommunityId).SingleOrDefaultAsync(ct)
        ?? throw DomainErrors.ChannelNotFound();

    private static async Task<MessageView?> FindByNonceAsync(ChatDbContext db, string userId, Guid nonce, CancellationToken ct) =>
        await db.Messages.AsNoTracking().Where(m => m.AuthorId == userId && m.Nonce == nonce).Select(ToView)
            .SingleOrDefaultAsync(ct) is { } stored
            ? await MessageAttachments.AttachAsync(db, await ReplyQuotes.AttachAsync(db, stored, ct), ct)
            : null;

    private static async Task<(Message Message, int CommunityId)> FindOwnMessageAsync(
        ChatDbContext db, string? userId, long messageId, Func<ForbiddenException> notAuthor, CancellationToken ct)
    {
        var found = await db.Messages
            .Where(m => m.Id == messageId)
            .Select(m => new { Message = m, m.Channel!.CommunityId })
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.MessageNotFound();
        await Access.RequireMemberAsync(db, found.CommunityId, userId, ct);
        if (found.Message.AuthorId != userId)
        {
            throw notAuthor();
        }

        return (found.Message, found.CommunityId);
    }

    private sealed record Mentioned(string UserId, bool Muted, bool Direct);

    /// <summary>
    /// The members a message names: @username directly, and everyone when owner or admin writes @everyone.
    /// </summary>
    private static async Task<IReadOnlyList<Mentioned>> MentionedMembersAsync(
        ChatDbContext db, int communityId, string authorId, MemberRole authorRole, string text, CancellationToken ct)
    {
        // A name may end in '.', but "thanks @ana." usually ends a sentence: try the name without the dots too.
        var names = MentionRegex().Matches(text)
            .Select(m => m.Groups[1].Value.ToUpperInvariant())
            .SelectMany(name => new[] { name, name.TrimEnd('.') })
            .Where(name => name.Length >= ChatUser.UserNameMinLength)
            .Distinct()
            .ToList();
        var everyone = MentionRules.MayMentionEveryone(authorRole) && names.Contains(EveryoneMention);
        if (names.Count == 0)
        {
            return [];
        }

        return await db.Memberships
            .Where(m => m.CommunityId == communityId && m.UserId != authorId
                && (everyone || names.Contains(m.User!.NormalizedUserName!)))
            .Select(m => new Mentioned(m.UserId, m.Muted, names.Contains(m.User!.NormalizedUserName!)))
            .ToListAsync(ct);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_.])@([A-Za-z0-9_.]{3,32})")]
    private static partial Regex MentionRegex();
}
