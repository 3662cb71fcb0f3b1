using System.Security.Claims;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace Chat.App.Components.Account;

/// <summary>
/// Server-side sessions on top of Identity's cookie and security stamp (docs/decisions/0005-server-side-sessions.md):
/// the cookie carries its session's id, requests and live circuits are refused once it is revoked.
/// </summary>
internal static class ServerSideSessions
{
    public static IServiceCollection AddServerSideSessions(this IServiceCollection services)
    {
        services.AddSingleton<SessionCookieEvents>();
        services.ConfigureApplicationCookie(options => options.EventsType = typeof(SessionCookieEvents));

        // When the stamp check renews the cookie, Identity builds a new principal from the user; the session stays.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.SessionId() is { } sessionId && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(SessionClaim.Type, sessionId));
            }

            return Task.CompletedTask;
        });

        services.AddScoped<CircuitHandler, SessionCircuitHandler>();
        return services;
    }
}
