using Chat.Domain.Data;
using Chat.Domain.Realtime;
using Chat.Domain.Sessions;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Domain;

/// <summary>Server-side sessions: started at sign-in, revoked at once, checked from memory while nothing changed.</summary>
public sealed class SessionTests
{
    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task StartAsync_NewSession_IsActiveForItsUserOnly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var mia = await db.CreateUserAsync("mia");
        var vincent = await db.CreateUserAsync("vincent");
        var sessions = db.Get<SessionService>();

        var sessionId = await sessions.StartAsync(mia.Id);

        Assert.True(await sessions.IsActiveAsync(sessionId, mia.Id));
        Assert.False(await sessions.IsActiveAsync(sessionId, vincent.Id));
        Assert.False(await sessions.IsActiveAsync("made-up", mia.Id));
        Assert.False(await sessions.IsActiveAsync(null, mia.Id));
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task RevokeAllAsync_EndsEverySessionOfTheUser_AndNoOneElses(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var mia = await db.CreateUserAsync("mia");
        var vincent = await db.CreateUserAsync("vincent");
        var sessions = db.Get<SessionService>();
        var laptop = await sessions.StartAsync(mia.Id);
        var phone = await sessions.StartAsync(mia.Id);
        var other = await sessions.StartAsync(vincent.Id);
        Assert.True(await sessions.IsActiveAsync(laptop, mia.Id));

        await sessions.RevokeAllAsync(mia.Id);

        Assert.False(await sessions.IsActiveAsync(laptop, mia.Id));
        Assert.False(await sessions.IsActiveAsync(phone, mia.Id));
        Assert.True(await sessions.IsActiveAsync(other, vincent.Id));
        await using var context = await db.CreateContextAsync();
        var rows = await context.UserSessions.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.RevokedAt);
        Assert.NotNull(rows[laptop]);
        Assert.NotNull(rows[phone]);
        Assert.Null(rows[other]);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task RevokeAllAsync_TellsEachSessionsCircuits(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var mia = await db.CreateUserAsync("mia");
        var sessions = db.Get<SessionService>();
        var sessionId = await sessions.StartAsync(mia.Id);
        using var circuit = new EventRecorder(db.Get<ChatHub>(), Topics.Session(sessionId), async _ =>
            // What a circuit told of its end finds: its session already refused.
            Assert.False(await sessions.IsActiveAsync(sessionId, mia.Id)));

        await sessions.RevokeAllAsync(mia.Id);

        var revoked = Assert.IsType<SessionsRevoked>(Assert.Single(circuit.Events));
        Assert.Equal(mia.Id, revoked.UserId);
        Assert.Equal([sessionId], revoked.SessionIds);
    }

    [Theory, OnSqlite, OnPostgres, OnMySql]
    public async Task IsActiveAsync_SessionCheckedBefore_AnswersWithoutAQuery(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var mia = await db.CreateUserAsync("mia");
        var sessionId = await db.Get<SessionService>().StartAsync(mia.Id);
        // Another instance, or this one after a restart: it looks the session up once.
        var queries = new SessionQueries();
        var services = new ServiceCollection().AddChatDomain(new DatabaseSettings(provider, db.ConnectionString));
        queries.Register(services);
        await using var restarted = services.BuildServiceProvider();
        var sessions = restarted.GetRequiredService<SessionService>();
        Assert.True(await sessions.IsActiveAsync(sessionId, mia.Id));
        Assert.Equal(1, queries.Count);
        queries.Reset();

        var answers = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await sessions.IsActiveAsync(sessionId, mia.Id));
        }

        Assert.Equal([true, true, true], answers);
        Assert.Equal(0, queries.Count);
    }

    [Theory, OnPostgres]
    public async Task IsActiveAsync_SessionRevokedOnAnotherInstance_IsRefusedAsSoonAsTheRelayBringsTheNews(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var mia = await db.CreateUserAsync("mia");
        await using var a = await RelayInstance.StartAsync(db.ConnectionString, "a");
        await using var b = await RelayInstance.StartAsync(db.ConnectionString, "b");
        var sessionId = await a.Get<SessionService>().StartAsync(mia.Id);
        var onB = b.Get<SessionService>();
        // b has seen the session, active, and would go on answering from memory.
        Assert.True(await onB.IsActiveAsync(sessionId, mia.Id));
        using var circuitOnB = new EventRecorder(b.Hub, Topics.Session(sessionId));

        await a.Get<SessionService>().RevokeAllAsync(mia.Id);
        await Wait.UntilAsync(() => circuitOnB.Events.Count == 1, "the revocation to reach b's circuit of the session");

        Assert.False(await onB.IsActiveAsync(sessionId, mia.Id));
    }
}
