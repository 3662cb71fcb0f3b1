namespace Chat.Domain.Communities;

/// <summary>
/// The opening every member-only service method shares: a context of its own, and the caller checked as a logged-in
/// member (<see cref="Access.RequireCallerAsync"/>), so that the method says only what is special about it. The
/// checks run in the order they always have, so each refusal keeps its error.
/// </summary>
internal sealed class MemberScope : IAsyncDisposable
{
    private MemberScope(ChatDbContext db, Caller caller)
    {
        Db = db;
        Caller = caller;
    }

    public ChatDbContext Db { get; }

    public Caller Caller { get; }

    public string UserId => Caller.UserId;

    public int CommunityId => Caller.CommunityId;

    /// <summary>For a call about community <paramref name="communityId"/>: refused before anything is read.</summary>
    public static Task<MemberScope> OpenAsync(
        IDbContextFactory<ChatDbContext> dbFactory, string? userId, int communityId, CancellationToken ct) =>
        OpenAsync(
            dbFactory, _ => Task.FromResult(communityId), (db, id) => Access.RequireCallerAsync(db, id, userId, ct), ct);

    /// <summary>As above, for a member of at least <paramref name="minimum"/>; <paramref name="refusal"/> says what was tried.</summary>
    public static Task<MemberScope> OpenAsync(
        IDbContextFactory<ChatDbContext> dbFactory, string? userId, int communityId, MemberRole minimum,
        Func<ForbiddenException> refusal, CancellationToken ct) =>
        OpenAsync(
            dbFactory,
            _ => Task.FromResult(communityId),
            (db, id) => Access.RequireCallerAsync(db, id, userId, minimum, refusal, ct),
            ct);

    /// <summary>For a call about channel <paramref name="channelId"/>: a channel that is not there is not found first.</summary>
    public static Task<MemberScope> OpenForChannelAsync(
        IDbContextFactory<ChatDbContext> dbFactory, string? userId, int channelId, CancellationToken ct) =>
        OpenAsync(
            dbFactory,
            db => CommunityOfChannelAsync(db, channelId, ct),
            (db, id) => Access.RequireCallerAsync(db, id, userId, ct),
            ct);

    public ValueTask DisposeAsync() => Db.DisposeAsync();

    internal static async Task<int> CommunityOfChannelAsync(ChatDbContext db, int channelId, CancellationToken ct) =>
        await db.Channels.Where(c => c.Id == channelId).Select(c => (int?)c.CommunityId).SingleOrDefaultAsync(ct)
        ?? throw DomainErrors.ChannelNotFound();

    private static async Task<MemberScope> OpenAsync(
        IDbContextFactory<ChatDbContext> dbFactory, Func<ChatDbContext, Task<int>> communityOf,
        Func<ChatDbContext, int, Task<Caller>> requireCaller, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return new MemberScope(db, await requireCaller(db, await communityOf(db)));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
