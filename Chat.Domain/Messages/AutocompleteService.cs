using Chat.Domain.Channels;
using Chat.Domain.Communities;

namespace Chat.Domain.Messages;

/// <summary>
/// What the composer may suggest while the user writes in a channel: the people to mention, the channels to link, and
/// whether @everyone is theirs to use.
/// </summary>
public sealed record AutocompleteSources(
    IReadOnlyList<MemberView> Members, IReadOnlyList<ChannelView> Channels, bool MayMentionEveryone)
{
    public static AutocompleteSources Empty { get; } = new([], [], false);
}

/// <summary>Who may write which mention; <see cref="MessageService"/> applies the same rule when a message is stored.</summary>
public static class MentionRules
{
    /// <summary>The name that mentions every member of the server.</summary>
    public const string Everyone = "everyone";

    /// <summary>Only the owner and admins notify the whole server with @everyone; from anyone else it is plain text.</summary>
    public static bool MayMentionEveryone(MemberRole role) => role >= MemberRole.Admin;
}

/// <summary>
/// The lists behind the composer's @, # and : suggestions. The composer asks once when a list opens and filters in
/// memory as the user types, rather than asking the database per keystroke: a server's members and channels are a few
/// hundred rows at most for the servers this app is built for, and a list that opens is usually narrowed within a few
/// keys.
/// </summary>
public sealed class AutocompleteService(IDbContextFactory<ChatDbContext> dbFactory)
{
    /// <summary>
    /// The members of the channel's server (every member can read every channel) and the channels the user can see;
    /// members only.
    /// </summary>
    public async Task<AutocompleteSources> GetSourcesAsync(string? userId, int channelId, CancellationToken ct = default)
    {
        Access.RequireLoggedIn(userId);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var communityId = await db.Channels.Where(c => c.Id == channelId).Select(c => (int?)c.CommunityId).SingleOrDefaultAsync(ct)
            ?? throw DomainErrors.ChannelNotFound();
        var role = await Access.RequireMemberAsync(db, communityId, userId, ct);
        var members = await CommunityService.MembersOfAsync(db, communityId, ct);
        var channels = await db.Channels.AsNoTracking()
            .Where(c => c.CommunityId == communityId)
            .OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new ChannelView(c.Id, c.CommunityId, c.Name, c.Topic))
            .ToListAsync(ct);
        return new AutocompleteSources(members, channels, MentionRules.MayMentionEveryone(role));
    }
}
