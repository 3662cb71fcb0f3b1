using Microsoft.AspNetCore.Identity;

namespace Chat.Domain.Users;

/// <summary>
/// Refuses a new username that looks like an existing one (<c>aIice</c> beside <c>alice</c>, <c>rnary</c> beside
/// <c>mary</c>): the same confusables skeleton, case aside. An exact duplicate is left to Identity's own message.
/// </summary>
public sealed class ConfusableUserNameValidator : IUserValidator<ChatUser>
{
    public const string ErrorCode = "ConfusableUserName";

    public async Task<IdentityResult> ValidateAsync(UserManager<ChatUser> manager, ChatUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(user.UserName))
        {
            return IdentityResult.Success; // UserNameValidator refuses it
        }

        var skeleton = UserNameSkeleton.Of(user.UserName);
        if (skeleton == user.UserNameSkeleton)
        {
            // The name did not change (an email or profile update): an old pair of lookalikes may keep their names.
            return IdentityResult.Success;
        }

        var normalized = manager.NormalizeName(user.UserName);
        var lookalikeExists = await manager.Users.AnyAsync(
            u => u.UserNameSkeleton == skeleton && u.Id != user.Id && u.NormalizedUserName != normalized);
        return lookalikeExists
            ? IdentityResult.Failed(ChatIdentityErrorDescriber.Describe(manager, ErrorCode, d => d.ConfusableUserName(user.UserName!)))
            : IdentityResult.Success;
    }
}
