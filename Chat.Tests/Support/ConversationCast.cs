using Chat.Domain.Communities;
using Chat.Domain.Direct;
using Chat.Domain.Users;

namespace Chat.Tests.Support;

/// <summary>The five kinds of caller every direct-message operation is checked against.</summary>
public enum DirectActor
{
    /// <summary>In the conversation, blocked by nobody.</summary>
    Participant,

    /// <summary>A member of the same server, not in the conversation.</summary>
    NonParticipant,

    /// <summary>In the conversation, but blocked by its starter.</summary>
    Blocked,

    /// <summary>Was in the conversation and left it.</summary>
    Left,

    Anonymous,
}

/// <summary>
/// A server "Book club" whose members are pat, pia, bob, leo and nick; a group conversation that pat started with
/// pia, bob and leo; pat blocked bob, and leo left. The actors: pia (participant), nick (non-participant), bob
/// (blocked), leo (left) and the anonymous caller.
/// </summary>
public sealed class ConversationCast
{
    private ConversationCast(TestDatabase db, Dictionary<DirectActor, ChatUser> users, ChatUser starter, int serverId, ConversationDetail group)
    {
        Db = db;
        Users = users;
        Starter = starter;
        ServerId = serverId;
        ConversationId = group.Id;
        ChannelId = group.ChannelId;
    }

    public TestDatabase Db { get; }

    /// <summary>pat, who started the group and blocked bob.</summary>
    public ChatUser Starter { get; }

    public int ServerId { get; }

    public int ConversationId { get; }

    public int ChannelId { get; }

    private Dictionary<DirectActor, ChatUser> Users { get; }

    public ChatUser this[DirectActor actor] => Users[actor];

    public static async Task<ConversationCast> CreateAsync(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pat = await db.CreateUserAsync("pat");
        var users = new Dictionary<DirectActor, ChatUser>
        {
            [DirectActor.Participant] = await db.CreateUserAsync("pia"),
            [DirectActor.NonParticipant] = await db.CreateUserAsync("nick"),
            [DirectActor.Blocked] = await db.CreateUserAsync("bob"),
            [DirectActor.Left] = await db.CreateUserAsync("leo"),
        };
        var communities = db.Get<CommunityService>();
        var server = await communities.CreateAsync(pat.Id, "Book club", null, isPublic: true);
        foreach (var user in users.Values)
        {
            await communities.JoinAsync(user.Id, server.Id);
        }

        var group = await db.Get<DirectMessageService>().StartAsync(pat.Id,
            [users[DirectActor.Participant].Id, users[DirectActor.Blocked].Id, users[DirectActor.Left].Id]);
        await communities.LeaveAsync(users[DirectActor.Left].Id, group.Id);
        await db.Get<PrivacyService>().BlockAsync(pat.Id, users[DirectActor.Blocked].Id);
        return new ConversationCast(db, users, pat, server.Id, group);
    }

    public static IReadOnlyList<(DirectActor Actor, Outcome Outcome)> Matrix(
        Outcome participant, Outcome nonParticipant, Outcome blocked, Outcome left, Outcome anonymous) =>
        [
            (DirectActor.Participant, participant), (DirectActor.NonParticipant, nonParticipant),
            (DirectActor.Blocked, blocked), (DirectActor.Left, left), (DirectActor.Anonymous, anonymous),
        ];

    public string? IdOf(DirectActor actor) => actor == DirectActor.Anonymous ? null : Users[actor].Id;

    /// <summary>
    /// For each actor: <paramref name="act"/>. Allowed must succeed; refused must throw exactly the expected exception
    /// and change no row (the same snapshot as <see cref="Cast"/>'s).
    /// </summary>
    public async Task ExpectAsync(
        IEnumerable<(DirectActor Actor, Outcome Outcome)> matrix, Func<DirectActor, string?, Task> act)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(act);
        foreach (var (actor, outcome) in matrix)
        {
            var before = await DatabaseSnapshot.TakeAsync(Db);

            var error = await Record.ExceptionAsync(() => act(actor, IdOf(actor)));

            await Cast.AssertOutcomeAsync(Db, actor, outcome, error, before);
        }
    }
}
