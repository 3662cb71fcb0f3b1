using Chat.Domain.Realtime;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Chat.App.Components.Layout;

/// <summary>Counts a tab as present while its live connection is up; the member lists show who is online.</summary>
internal sealed class PresenceCircuitHandler(AuthenticationStateProvider authentication, PresenceTracker presence)
    : CircuitHandler
{
    private string? connectedUserId;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var userId = (await authentication.GetAuthenticationStateAsync()).UserId();
        if (userId is not null && connectedUserId is null)
        {
            connectedUserId = userId;
            await presence.ConnectedAsync(userId, cancellationToken);
        }
    }

    public override async Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (connectedUserId is { } userId)
        {
            connectedUserId = null;
            await presence.DisconnectedAsync(userId, cancellationToken);
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        OnConnectionDownAsync(circuit, cancellationToken);
}
