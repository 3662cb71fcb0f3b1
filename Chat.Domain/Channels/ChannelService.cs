using System.Globalization;
using System.Text;
using Chat.Domain.Communities;
using Chat.Domain.RateLimiting;
using Chat.Domain.Realtime;
using Chat.Domain.Text;

namespace Chat.Domain.Channels;

public sealed class ChannelService(
    IDbContextFactory<ChatDbContext> dbFactory, ChatHub hub, TimeProvider clock, WriteRateLimiter rateLimiter)
{
    /// <summary>The community's channels in their sidebar order; members only.</summary>
    public async Task<IReadOnlyList<ChannelView>> ListAsync(int communityId, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireMemberAsync(db, communityId, userId, ct);
        return await db.Channels.AsNoTracking()
            .Where(c => c.CommunityId == communityId)
            .OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new ChannelView(c.Id, c.CommunityId, c.Name, c.Topic))
            .ToListAsync(ct);
    }

    /// <summary>Owner and admins add a channel at the end of the list.</summary>
    public async Task<ChannelView> CreateAsync(
        string? userId, int communityId, string name, string? topic = null, CancellationToken ct = default)
    {
        var normalized = NormalizeName(name);
        topic = ValidateTopic(topic);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireRoleAsync(db, communityId, userId, MemberRole.Admin, DomainErrors.OnlyAdminsCreateChannels, ct);
        await RequireFreeNameAsync(db, communityId, normalized, exceptChannelId: null, ct);
        rateLimiter.Acquire(WriteAction.ManageChannels, userId);
        var position = await db.Channels.Where(c => c.CommunityId == communityId)
            .Select(c => (int?)c.Position).MaxAsync(ct) ?? -1;
        var channel = new Channel
        {
            CommunityId = communityId,
            Name = normalized,
            Topic = topic,
            Position = position + 1,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Channels.Add(channel);
        await SaveUniqueAsync(db, normalized, ct);
        var view = new ChannelView(channel.Id, communityId, channel.Name, channel.Topic);
        await hub.PublishAsync(new ChannelCreated(communityId, view));
        return view;
    }

    /// <summary>Owner and admins rename a channel and set its topic.</summary>
    public async Task<ChannelView> UpdateAsync(
        string? userId, int channelId, string name, string? topic, CancellationToken ct = default)
    {
        var normalized = NormalizeName(name);
        topic = ValidateTopic(topic);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, ct)
            ?? throw DomainErrors.ChannelNotFound();
        await Access.RequireRoleAsync(db, channel.CommunityId, userId, MemberRole.Admin, DomainErrors.OnlyAdminsEditChannels, ct);
        await RequireFreeNameAsync(db, channel.CommunityId, normalized, channelId, ct);
        rateLimiter.Acquire(WriteAction.ManageChannels, userId);
        channel.Name = normalized;
        channel.Topic = topic;
        await SaveUniqueAsync(db, normalized, ct);
        var view = new ChannelView(channel.Id, channel.CommunityId, channel.Name, channel.Topic);
        await hub.PublishAsync(new ChannelUpdated(channel.CommunityId, view));
        return view;
    }

    /// <summary>Owner and admins put the channels in a new order; the list must name each channel once.</summary>
    public async Task ReorderAsync(
        string? userId, int communityId, IReadOnlyList<int> orderedChannelIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orderedChannelIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Access.RequireRoleAsync(db, communityId, userId, MemberRole.Admin, DomainErrors.OnlyAdminsReorderChannels, ct);
        var channels = await db.Channels.Where(c => c.CommunityId == communityId).ToListAsync(ct);
        if (channels.Count != orderedChannelIds.Count || !channels.Select(c => c.Id).ToHashSet().SetEquals(orderedChannelIds))
        {
            throw DomainErrors.ChannelsChanged();
        }

        rateLimiter.Acquire(WriteAction.ManageChannels, userId);
        var position = orderedChannelIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        foreach (var channel in channels)
        {
            channel.Position = position[channel.Id];
        }

        await db.SaveChangesAsync(ct);
        await hub.PublishAsync(new ChannelsReordered(communityId, orderedChannelIds.ToList()));
    }

    /// <summary>Owner and admins delete a channel with all its messages.</summary>
    public async Task DeleteAsync(string? userId, int channelId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channel = await db.Channels.SingleOrDefaultAsync(c => c.Id == channelId, ct)
            ?? throw DomainErrors.ChannelNotFound();
        await Access.RequireRoleAsync(db, channel.CommunityId, userId, MemberRole.Admin, DomainErrors.OnlyAdminsDeleteChannels, ct);
        rateLimiter.Acquire(WriteAction.ManageChannels, userId);
        db.Channels.Remove(channel);
        await db.SaveChangesAsync(ct);
        await hub.PublishAsync(new ChannelDeleted(channel.CommunityId, channelId));
    }

    /// <summary>
    /// Lowercase, runs of spaces as one dash, 1 to 100 characters, a letter or digit and nothing invisible: "Book Club"
    /// becomes "book-club".
    /// </summary>
    public static string NormalizeName(string? name)
    {
        var builder = new StringBuilder();
        foreach (var c in (name ?? "").Trim())
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
            else if (!char.IsControl(c) && c != '#')
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        var normalized = builder.ToString().Trim('-');
        if (normalized.Length is 0 or > Channel.NameMaxLength)
        {
            throw DomainErrors.ChannelNameLength(Channel.NameMaxLength);
        }

        // Checked after the folding above, which drops control characters but keeps format ones (U+202E, U+200B).
        VisibleText.RequireName(normalized, TextSubject.ChannelName, "name");

        return normalized;
    }

    private static string? ValidateTopic(string? topic)
    {
        topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();
        if (topic?.Length > Channel.TopicMaxLength)
        {
            throw DomainErrors.TopicTooLong(Channel.TopicMaxLength);
        }

        // One line, as the channel header shows it.
        VisibleText.RequireVisible(topic, multiline: false, TextSubject.Topic, "topic");

        return topic;
    }

    private static async Task RequireFreeNameAsync(
        ChatDbContext db, int communityId, string name, int? exceptChannelId, CancellationToken ct)
    {
        if (await db.Channels.AnyAsync(c => c.CommunityId == communityId && c.Name == name && c.Id != exceptChannelId, ct))
        {
            throw DomainErrors.ChannelNameTaken(name);
        }
    }

    // The unique index is the real guard: two admins creating the same name at once get the same clear message.
    private static async Task SaveUniqueAsync(ChatDbContext db, string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw DomainErrors.ChannelNameTaken(name);
        }
    }
}
