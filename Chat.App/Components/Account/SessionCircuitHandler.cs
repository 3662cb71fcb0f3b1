using System.Security.Claims;
using Chat.Domain.Realtime;
using Chat.Domain.Sessions;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Chat.App.Components.Account;

/// <summary>
/// Ends a live tab the moment its session is revoked, on whichever instance: the circuit loses its user (so the
/// router sends the tab to the login page), and from then on every inbound event of the circuit is refused, which
/// also ends the circuit, for a tab that ignores the redirect.
/// </summary>
public sealed class SessionCircuitHandler(AuthenticationStateProvider authentication, ChatHub hub, SessionService sessions)
    : CircuitHandler, IDisposable
{
    private IDisposable? subscription;
    private volatile bool ended;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.SessionId() is not { } sessionId)
        {
            return;
        }

        // Listen first, then look: a revocation between the two is caught by one or the other.
        subscription = hub.Subscribe(Topics.Session(sessionId), _ =>
        {
            End();
            return Task.CompletedTask;
        });
        if (!await sessions.IsActiveAsync(sessionId, user.UserId(), cancellationToken))
        {
            End();
        }
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => context => ended
            ? throw new UnauthorizedAccessException("This session has ended; log in again.")
            : next(context);

    public void Dispose() => subscription?.Dispose();

    private void End()
    {
        ended = true;
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(new(new ClaimsIdentity()))));
        }
    }
}
