using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace Chat.Domain.Users;

/// <summary>
/// Identity only checks the allowed characters; the length rule lives here so that every way of creating or
/// renaming an account enforces it, not only the registration form.
/// </summary>
public sealed partial class UserNameValidator : IUserValidator<ChatUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ChatUser> manager, ChatUser user)
    {
        // The whole name must match: .NET's '$' also matches before a final "\n", so IsMatch alone accepted "ana\n".
        if (user.UserName is { } name && UserNameRegex().Match(name) is { Success: true } match && match.Length == name.Length)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IdentityResult.Failed(ChatIdentityErrorDescriber.Describe(
            manager,
            ChatIdentityErrorDescriber.InvalidUserNameShapeCode,
            d => d.InvalidUserNameShape(ChatUser.UserNameMinLength, ChatUser.UserNameMaxLength))));
    }

    [GeneratedRegex(ChatUser.UserNamePattern)]
    private static partial Regex UserNameRegex();
}
