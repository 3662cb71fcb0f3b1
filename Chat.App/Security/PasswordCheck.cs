using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Chat.App.Security;

public enum PasswordCheckResult
{
    Succeeded,
    Failed,
    LockedOut,
}

/// <summary>
/// Checks a password typed on the login form or on /account/manage, counting wrong ones in <see cref="LoginThrottle"/>
/// instead of Identity's account-wide lockout. Every outcome costs exactly one password hash: an unknown account,
/// a locked one, a wrong and a right password cannot be told apart by the time the answer takes.
/// </summary>
public sealed class PasswordCheck(UserManager<ChatUser> users, LoginThrottle throttle)
{
    public async Task<PasswordCheckResult> CheckAsync(ChatUser? user, string password, string clientAddress)
    {
        if (user?.PasswordHash is null)
        {
            // The work a real check would do, on a password nobody has.
            users.PasswordHasher.HashPassword(new ChatUser(), password);
            return PasswordCheckResult.Failed;
        }

        // Checked even when locked, and the answer then ignored, so that a locked account costs the same time.
        var locked = throttle.IsLocked(user.Id, clientAddress);
        var matches = await users.CheckPasswordAsync(user, password);
        if (locked)
        {
            return PasswordCheckResult.LockedOut;
        }

        if (!matches)
        {
            throttle.RecordFailure(user.Id, clientAddress);
            return PasswordCheckResult.Failed;
        }

        throttle.RecordSuccess(user.Id, clientAddress);
        return PasswordCheckResult.Succeeded;
    }
}
