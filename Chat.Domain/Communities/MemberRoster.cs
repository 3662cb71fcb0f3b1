using System.Collections.Immutable;
using Chat.Domain.Text;

namespace Chat.Domain.Communities;

/// <summary>
/// A community's members as its member list shows them, the same for every reader: by role (owner, admins,
/// members), online first within a role, then by name. Immutable, so every open tab of the community can hold the
/// same instance.
/// </summary>
public sealed class MemberRoster
{
    public static MemberRoster Empty { get; } = new([], [], []);

    private MemberRoster(ImmutableArray<MemberView> members, ImmutableArray<bool> online, ImmutableArray<MemberGroup> groups)
    {
        Members = members;
        Online = online;
        Groups = groups;
    }

    /// <summary>In display order; <see cref="Groups"/> says where each role starts.</summary>
    public ImmutableArray<MemberView> Members { get; }

    /// <summary>Whether <see cref="Members"/>[i] was online when the roster was built.</summary>
    public ImmutableArray<bool> Online { get; }

    /// <summary>One per role that has members, highest role first.</summary>
    public ImmutableArray<MemberGroup> Groups { get; }

    public static MemberRoster Build(IEnumerable<MemberView> members, Func<string, bool> isOnline)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(isOnline);
        var ordered = members
            .Select(m => (Member: m, Online: isOnline(m.UserId)))
            .OrderByDescending(m => m.Member.Role)
            .ThenByDescending(m => m.Online)
            .ThenBy(m => m.Member.DisplayName, NameOrder.Comparer)
            .ThenBy(m => m.Member.UserId, StringComparer.Ordinal)
            .ToList();
        var groups = ImmutableArray.CreateBuilder<MemberGroup>();
        for (var start = 0; start < ordered.Count;)
        {
            var role = ordered[start].Member.Role;
            var end = start;
            while (end < ordered.Count && ordered[end].Member.Role == role)
            {
                end++;
            }

            groups.Add(new MemberGroup(role, start, end - start));
            start = end;
        }

        return new MemberRoster([.. ordered.Select(m => m.Member)], [.. ordered.Select(m => m.Online)], groups.ToImmutable());
    }

    public bool Contains(string userId) => Members.Any(m => m.UserId == userId);
}

/// <summary>The members of one role: <see cref="Count"/> of them from <see cref="Start"/> in <see cref="MemberRoster.Members"/>.</summary>
public sealed record MemberGroup(MemberRole Role, int Start, int Count);
