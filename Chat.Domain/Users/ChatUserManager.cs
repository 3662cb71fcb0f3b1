using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Domain.Users;

/// <summary>
/// Identity's user manager, which also keeps <see cref="ChatUser.UserNameSkeleton"/> in step with the username
/// wherever it keeps the normalized name: on creating a user and on every update, a rename included.
/// </summary>
public sealed class ChatUserManager(
    IUserStore<ChatUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ChatUser> passwordHasher,
    IEnumerable<IUserValidator<ChatUser>> userValidators,
    IEnumerable<IPasswordValidator<ChatUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ChatUser>> logger)
    : UserManager<ChatUser>(
        store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task UpdateNormalizedUserNameAsync(ChatUser user)
    {
        await base.UpdateNormalizedUserNameAsync(user);
        user.UserNameSkeleton = user.UserName is { } name ? UserNameSkeleton.Of(name) : "";
    }
}
