using Chat.Domain.Communities;

namespace Chat.Domain.Messages;

/// <summary>
/// The members a new message mentions, with what the inbox needs to know of each: apart from the parsing
/// (<see cref="MentionParser"/>) because it asks the database and applies who may mention everyone.
/// </summary>
internal static class MentionedMembers
{
    public sealed record Member(string UserId, bool Muted, bool Direct);

    /// <summary>
    /// The members a message names: @username directly, and everyone when owner or admin writes @everyone.
    /// </summary>
    public static async Task<IReadOnlyList<Member>> FindAsync(
        ChatDbContext db, int communityId, string authorId, MemberRole authorRole, string text, CancellationToken ct)
    {
        var names = MentionParser.Names(text);
        var everyone = MentionRules.MayMentionEveryone(authorRole) && names.Contains(MentionParser.Everyone);
        if (names.Count == 0)
        {
            return [];
        }

        return await db.Memberships
            .Where(m => m.CommunityId == communityId && m.UserId != authorId
                && (everyone || names.Contains(m.User!.NormalizedUserName!)))
            .Select(m => new Member(m.UserId, m.Muted, names.Contains(m.User!.NormalizedUserName!)))
            .ToListAsync(ct);
    }
}
