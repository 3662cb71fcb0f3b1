using Chat.Domain.Communities;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;

namespace Chat.Domain.Messages;

/// <summary>Emoji reactions on messages: any member of the message's community may add and remove their own.</summary>
public sealed class ReactionService(IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, WriteRateLimiter rateLimiter)
{
    /// <summary>
    /// Adds the user's <paramref name="emoji"/> to the message, or removes it when they had it, and tells the
    /// community. Returns the message's reactions as the user now sees them.
    /// </summary>
    public async Task<IReadOnlyList<ReactionSummary>> ToggleReactionAsync(
        string? userId, long messageId, string emoji, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId)
            .Select(m => new { m.ChannelId, m.Channel!.CommunityId })
            .SingleOrDefaultAsync(ct) ?? throw DomainErrors.MessageNotFound();
        var reactor = (await Access.RequireCallerAsync(db, message.CommunityId, userId, ct)).UserId;
        var known = Emoji.Find(emoji) ?? throw DomainErrors.NotAnEmoji();
        rateLimiter.Acquire(WriteAction.React, reactor);

        var mine = await db.Reactions
            .SingleOrDefaultAsync(r => r.MessageId == messageId && r.UserId == reactor && r.Emoji == known.Value, ct);
        var added = mine is null;
        if (mine is not null)
        {
            db.Reactions.Remove(mine);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            await AddAsync(db, reactor, messageId, known.Value, ct);
        }

        var summary = (await ReactionSummaries.LoadAsync(db, [messageId], reactor, ct))
            .GetValueOrDefault(messageId, []);
        var forEveryone = summary.Select(s => s with { Mine = false }).ToList();
        await hub.PublishAsync(new ReactionsChanged(
            message.CommunityId, message.ChannelId, messageId, reactor, known.Value, added, forEveryone));
        return summary;
    }

    private static async Task AddAsync(ChatDbContext db, string userId, long messageId, string emoji, CancellationToken ct)
    {
        var distinct = await db.Reactions.Where(r => r.MessageId == messageId).Select(r => r.Emoji).Distinct().ToListAsync(ct);
        if (!distinct.Contains(emoji) && distinct.Count >= Reaction.MaxDistinctEmoji)
        {
            throw DomainErrors.TooManyReactions(Reaction.MaxDistinctEmoji);
        }

        var reaction = new Reaction { MessageId = messageId, UserId = userId, Emoji = emoji };
        db.Reactions.Add(reaction);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another tap of the same user stored this reaction first (the unique index refused the second row):
            // the user has reacted, which is what they asked. Anything else (the message was deleted) is a refusal.
            db.ChangeTracker.Clear();
            if (!await db.Reactions.AnyAsync(r => r.MessageId == messageId && r.UserId == userId && r.Emoji == emoji, ct))
            {
                throw DomainErrors.MessageNotFound();
            }

            return;
        }

        if (!distinct.Contains(emoji))
        {
            await KeepWithinLimitAsync(db, reaction, ct);
        }
    }

    /// <summary>
    /// Several people may each add a new emoji at once, each having counted fewer than the limit. Each checks again
    /// after its own row is committed and takes it back when the message has gone over: the last of them to commit
    /// sees all the others, so the message never keeps more than the limit. (Two racers may both step back; each is
    /// told, and may try again.)
    /// </summary>
    private static async Task KeepWithinLimitAsync(ChatDbContext db, Reaction added, CancellationToken ct)
    {
        var distinct = await db.Reactions.Where(r => r.MessageId == added.MessageId).Select(r => r.Emoji).Distinct().CountAsync(ct);
        if (distinct <= Reaction.MaxDistinctEmoji)
        {
            return;
        }

        db.Reactions.Remove(added);
        await db.SaveChangesAsync(ct);
        throw DomainErrors.TooManyReactions(Reaction.MaxDistinctEmoji);
    }
}
