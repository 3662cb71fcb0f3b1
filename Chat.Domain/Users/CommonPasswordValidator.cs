using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Chat.Domain.Users;

/// <summary>
/// Refuses the 10,000 most common passwords, as NIST SP 800-63B (5.1.1.2) asks of a password list. The list is
/// the top of the ranked password list that the zxcvbn-core package embeds (from leaked-password frequency
/// counts), so it ships with the app and is never fetched. Compared case-insensitively: the list is lower case,
/// and "Password12" is no better than "password12".
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ChatUser>
{
    public const int ListSize = 10_000;
    public const string ErrorCode = "CommonPassword";

    // zxcvbn-core's own name for its embedded list, pinned with the package's exact version.
    private const string ResourceName = "zxcvbn-core.Dictionaries.passwords.lst";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    /// <summary>How many passwords the list holds, for a test that the package still provides it.</summary>
    public static int Count => Common.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<ChatUser> manager, ChatUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(ChatIdentityErrorDescriber.Describe(manager, ErrorCode, d => d.CommonPassword(ListSize)))
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"zxcvbn-core no longer embeds {ResourceName}.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>(ListSize);
        // Ranked most common first, one a line.
        while (passwords.Count < ListSize && reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
