using Chat.Domain.Communities;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;

namespace Chat.Domain.Messages;

/// <summary>
/// Pinned messages: the owner and admins pin and unpin a channel's messages (at most <see cref="Pin.MaxPerChannel"/>),
/// every member reads the list, and a line in the channel says who pinned a message.
/// </summary>
public sealed class PinService(
    IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, TimeProvider clock, WriteRateLimiter rateLimiter)
{
    /// <summary>
    /// Pins the message and writes "<c>user</c> pinned a message." into its channel; a message already pinned stays
    /// as it is, without a second line.
    /// </summary>
    public async Task PinAsync(string? userId, long messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (message, admin) = await FindAsync(db, userId, messageId, ct);
        if (message.Pinned)
        {
            return;
        }

        rateLimiter.Acquire(WriteAction.Pin, admin.UserId);
        var now = clock.GetUtcNow().UtcDateTime;
        // PostgreSQL and MySQL retry a command that failed on a dropped connection (ChatDatabase.Configure); a
        // transaction of our own is only allowed inside the execution strategy, which then repeats it whole.
        var line = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Two admins pinning the 50th and the 51st message at once must not both count 49. Writing the channel's
            // row first (a change to nothing) takes its row lock on PostgreSQL and MySQL, and SQLite's write lock,
            // so the pins of one channel are counted and added one transaction after another. It is the
            // transaction's first statement: MySQL's snapshot starts at the first read, after the lock is ours.
            await db.Channels.Where(c => c.Id == message.ChannelId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, c => c.Name), ct);
            if (await db.Pins.AnyAsync(p => p.MessageId == messageId, ct))
            {
                return null;
            }

            if (await db.Pins.CountAsync(p => p.Message!.ChannelId == message.ChannelId, ct) >= Pin.MaxPerChannel)
            {
                throw DomainErrors.TooManyPins(Pin.MaxPerChannel);
            }

            var added = new Message
            {
                ChannelId = message.ChannelId,
                AuthorId = admin.UserId,
                Kind = MessageKind.Pinned,
                PinnedMessageId = messageId,
                CreatedAt = now,
                Nonce = Guid.NewGuid(),
            };
            db.Pins.Add(new Pin { MessageId = messageId, PinnedById = admin.UserId, PinnedAt = now });
            db.Messages.Add(added);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The message was deleted meanwhile (its key is gone): there is nothing left to pin.
                throw DomainErrors.MessageNotFound();
            }

            await transaction.CommitAsync(ct);
            return added;
        });
        if (line is null)
        {
            return;
        }

        var view = await db.Messages.AsNoTracking().Where(m => m.Id == line.Id).Select(MessageService.ToView).SingleAsync(ct);
        await hub.PublishAsync(new PinsChanged(message.CommunityId, message.ChannelId, messageId, Pinned: true));
        await hub.PublishAsync(new MessagePosted(message.CommunityId, view));
    }

    /// <summary>Takes the message's pin away; the line that said it was pinned stays in the history.</summary>
    public async Task UnpinAsync(string? userId, long messageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (message, admin) = await FindAsync(db, userId, messageId, ct);
        if (!message.Pinned)
        {
            return;
        }

        rateLimiter.Acquire(WriteAction.Pin, admin.UserId);
        var removed = await db.Pins.Where(p => p.MessageId == messageId).ToListAsync(ct);
        db.Pins.RemoveRange(removed);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Unpinned at the same moment by someone else, who tells the channel.
            return;
        }

        if (removed.Count > 0)
        {
            await hub.PublishAsync(new PinsChanged(message.CommunityId, message.ChannelId, messageId, Pinned: false));
        }
    }

    /// <summary>The channel's pinned messages, the newest pin first; any member may read them.</summary>
    public async Task<IReadOnlyList<PinnedMessageView>> GetPinnedAsync(
        string? userId, int channelId, CancellationToken ct = default)
    {
        await using var scope = await MemberScope.OpenForChannelAsync(dbFactory, userId, channelId, ct);
        return await scope.Db.Pins.AsNoTracking()
            .Where(p => p.Message!.ChannelId == channelId)
            .OrderByDescending(p => p.Id)
            .Take(Pin.MaxPerChannel)
            .Select(p => new PinnedMessageView(
                p.MessageId, channelId, p.Message!.Author!.DisplayName, p.Message.CreatedAt, p.Message.Content,
                p.PinnedBy!.DisplayName, p.PinnedAt))
            .ToListAsync(ct);
    }

    private sealed record Target(int ChannelId, int CommunityId, bool Pinned);

    // Who may: the owner and admins of the message's server, checked here, whatever the interface shows.
    private static async Task<(Target Message, Caller Admin)> FindAsync(
        ChatDbContext db, string? userId, long messageId, CancellationToken ct)
    {
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.Kind == MessageKind.Text)
            .Select(m => new Target(m.ChannelId, m.Channel!.CommunityId, m.Pin != null))
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.MessageNotFound();
        return (message, await Access.RequireCallerAsync(
            db, message.CommunityId, userId, MemberRole.Admin, DomainErrors.OnlyAdminsPin, ct));
    }
}
