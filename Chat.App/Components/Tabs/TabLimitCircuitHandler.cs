using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Chat.App.Components.Tabs;

/// <summary>
/// Counts each circuit of a logged-in user in <see cref="OpenTabs"/>, and refuses everything a closed tab still
/// sends: whatever its browser does, it can no longer act.
/// </summary>
public sealed class TabLimitCircuitHandler(AuthenticationStateProvider authentication, OpenTabs tabs, OpenTab tab)
    : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if ((await authentication.GetAuthenticationStateAsync()).UserId() is { } userId)
        {
            tabs.Open(tab, userId);
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tabs.Remove(tab);
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) => context =>
        {
            if (tab.IsClosed)
            {
                // The page shows why and ends the circuit itself (TabGate); meanwhile nothing sent reaches the app.
                // Without a page, thrown synchronously: the circuit host reports it to the browser and ends the circuit.
                return tab.HasPage ? Task.CompletedTask : throw new TabClosedException();
            }

            return next(context);
        };
}
