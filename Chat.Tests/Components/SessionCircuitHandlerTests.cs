using System.Security.Claims;
using Chat.App.Components.Account;
using Chat.Domain.Data;
using Chat.Domain.Realtime;
using Chat.Domain.Sessions;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Chat.Tests.Components;

/// <summary>A live tab whose session is revoked loses its user at once, and its further events are refused.</summary>
public sealed class SessionCircuitHandlerTests
{
    [Fact]
    public async Task SessionRevoked_WhileTheCircuitLives_LosesItsUserAndRefusesFurtherEvents()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var mia = await db.CreateUserAsync("mia");
        var sessions = db.Get<SessionService>();
        var sessionId = await sessions.StartAsync(mia.Id);
        var authentication = SignedIn(mia.Id, sessionId);
        var handler = new SessionCircuitHandler(authentication, db.Get<ChatHub>(), sessions);
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        var handled = 0;
        var inbound = handler.CreateInboundActivityHandler(_ =>
        {
            handled++;
            return Task.CompletedTask;
        });
        await inbound(null!);

        await sessions.RevokeAllAsync(mia.Id);

        Assert.False((await authentication.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => inbound(null!));
        Assert.Equal(1, handled);
        handler.Dispose();
        Assert.Equal(0, db.Get<ChatHub>().SubscriberCount(Topics.Session(sessionId)));
    }

    [Fact]
    public async Task CircuitOpened_WithAnAlreadyRevokedSession_RefusesEveryEvent()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var mia = await db.CreateUserAsync("mia");
        var sessions = db.Get<SessionService>();
        var sessionId = await sessions.StartAsync(mia.Id);
        await sessions.RevokeAllAsync(mia.Id);
        var authentication = SignedIn(mia.Id, sessionId);
        using var handler = new SessionCircuitHandler(authentication, db.Get<ChatHub>(), sessions);

        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);

        Assert.False((await authentication.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        var inbound = handler.CreateInboundActivityHandler(_ => Task.CompletedTask);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => inbound(null!));
    }

    private static ServerAuthenticationStateProvider SignedIn(string userId, string sessionId)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(SessionClaim.Type, sessionId)], "Identity.Application");
        var provider = new ServerAuthenticationStateProvider();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        return provider;
    }
}
