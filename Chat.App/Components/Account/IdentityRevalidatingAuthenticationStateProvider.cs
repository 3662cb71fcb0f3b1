using System.Security.Claims;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chat.App.Components.Account;

/// <summary>
/// Checks, every interval, that the circuit's user still exists and that the security stamp in its cookie is the
/// current one; a logout elsewhere or a changed password changes the stamp, and the circuit loses its user.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    TimeSpan revalidationInterval)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => revalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ChatUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User, scope.ServiceProvider);
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
