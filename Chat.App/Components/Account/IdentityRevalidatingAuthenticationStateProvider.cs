using System.Security.Claims;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chat.App.Components.Account;

/// <summary>
/// Checks, every interval, that the circuit's session is still active, that its user still exists and that the
/// security stamp in its cookie is the current one; if not, the circuit loses its user. A revoked session's
/// circuit normally learns of it at once (<see cref="SessionCircuitHandler"/>); this is the backstop.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<RevalidationOptions> settings)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => settings.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var user = authenticationState.User;
        // The session is normally ended at once by SessionCircuitHandler; checked here too, from memory, as a backstop.
        if (!await scope.ServiceProvider.GetRequiredService<SessionService>()
                .IsActiveAsync(user.SessionId(), user.UserId(), cancellationToken))
        {
            return false;
        }

        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>();
        return await ValidateSecurityStampAsync(userManager, user, scope.ServiceProvider);
    }

    private static async Task<bool> ValidateSecurityStampAsync(
        UserManager<ChatUser> userManager, ClaimsPrincipal principal, IServiceProvider services)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }

        if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }

        var claimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var principalStamp = principal.FindFirstValue(claimType);
        var userStamp = await userManager.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}
