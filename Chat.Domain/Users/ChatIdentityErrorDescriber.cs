using Microsoft.AspNetCore.Identity;

namespace Chat.Domain.Users;

/// <summary>
/// Identity's describer, plus the errors of our own validators, so that all of them get their words from one place:
/// the app's resources in the reader's language. The domain holds only the codes.
/// </summary>
public abstract class ChatIdentityErrorDescriber : IdentityErrorDescriber
{
    public const string InvalidUserNameShapeCode = "InvalidUserNameShape";

    public abstract IdentityError InvalidUserNameShape(int minLength, int maxLength);

    public abstract IdentityError ConfusableUserName(string userName);

    public abstract IdentityError CommonPassword(int listSize);

    /// <summary>The manager's describer when it is ours; otherwise an error that carries only its code.</summary>
    internal static IdentityError Describe(UserManager<ChatUser>? manager, string code, Func<ChatIdentityErrorDescriber, IdentityError> describe) =>
        manager?.ErrorDescriber is ChatIdentityErrorDescriber describer
            ? describe(describer)
            : new IdentityError { Code = code, Description = code };
}
