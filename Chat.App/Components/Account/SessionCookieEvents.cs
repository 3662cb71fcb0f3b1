using System.Security.Claims;
using Chat.Domain.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Chat.App.Components.Account;

/// <summary>
/// Ties Identity's cookie to a server-side session: every sign-in (login, registration, the renewal after a new
/// password) starts one and writes its id into the cookie, and every request checks it before Identity checks the
/// security stamp. A revoked session's cookie is refused on its next request, on any instance, and the check
/// costs no query while nothing changed (<see cref="SessionService.IsActiveAsync"/>).
/// </summary>
internal sealed class SessionCookieEvents(SessionService sessions) : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && context.Principal.UserId() is { } userId)
        {
            foreach (var stale in identity.FindAll(SessionClaim.Type).ToList())
            {
                identity.RemoveClaim(stale);
            }

            var sessionId = await sessions.StartAsync(userId, context.HttpContext.RequestAborted);
            identity.AddClaim(new Claim(SessionClaim.Type, sessionId));
        }

        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        if (user is null
            || !await sessions.IsActiveAsync(user.SessionId(), user.UserId(), context.HttpContext.RequestAborted))
        {
            // As Identity's own validator does with a stale stamp: no user for this request, and the cookie goes.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }

        // What AddIdentityCookies wires here by default; the session check comes on top of it, not instead.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
