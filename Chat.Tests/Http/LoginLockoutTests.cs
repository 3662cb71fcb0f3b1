using System.Net;
using System.Text.RegularExpressions;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Http;

/// <summary>The app with a password hasher that counts its rounds, to show which answers did the hashing work.</summary>
public sealed class CountingHasherAppFactory : ChatAppFactory
{
    public CountingHasherAppFactory() => TestServices = services =>
        services.AddSingleton<IPasswordHasher<ChatUser>>(sp => Hasher = new CountingPasswordHasher(
            sp.GetRequiredService<IOptions<PasswordHasherOptions>>()));

    public CountingPasswordHasher Hasher { get; private set; } = default!;
}

public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<ChatUser>
{
    private readonly PasswordHasher<ChatUser> inner = new(options);
    private int rounds;

    public int Rounds => Volatile.Read(ref rounds);

    public string HashPassword(ChatUser user, string password)
    {
        Interlocked.Increment(ref rounds);
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(ChatUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref rounds);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>
/// Lockout without enumeration: an unknown name, a wrong password and a locked account get the same words after the
/// same work, and the lock holds for the guessing address only.
/// </summary>
public sealed partial class LoginLockoutTests(CountingHasherAppFactory app) : IClassFixture<CountingHasherAppFactory>
{
    private const string WrongPassword = "not the password at all";

    [Fact]
    public async Task LogIn_UnknownNameWrongPasswordOrLockedAccount_SameWordsAfterOnePasswordHashEach()
    {
        var (registered, account) = await app.CreateLoggedInClientAsync();
        registered.Dispose();
        using var client = app.CreateBrowserClient();

        var unknown = await LogInAsync(client, TestAccount.New("nobody").UserName, account.Password);
        var wrong = new List<(HttpStatusCode Status, string Words, int Hashes)>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            wrong.Add(await LogInAsync(client, account.UserName, WrongPassword));
        }

        var locked = await LogInAsync(client, account.UserName, account.Password);
        var lockedWrong = await LogInAsync(client, account.UserName, WrongPassword);

        Assert.Equal((HttpStatusCode.OK, 1), (unknown.Status, unknown.Hashes));
        Assert.StartsWith("Invalid username, email or password.", unknown.Words, StringComparison.Ordinal);
        Assert.All(wrong, w => Assert.Equal((HttpStatusCode.OK, unknown.Words, 1), w));
        Assert.Equal((HttpStatusCode.OK, unknown.Words, 1), locked);
        Assert.Equal((HttpStatusCode.OK, unknown.Words, 1), lockedWrong);
    }

    [Fact]
    public async Task LogIn_StrangerFailingFromAnotherAddress_DoesNotLockTheOwnerOut()
    {
        await using var server = new ChatAppFactory();
        var baseAddress = server.StartKestrel();
        using var ownerRegistration = ForwardedClient.Create(baseAddress, forwardedFor: "203.0.113.2");
        var account = TestAccount.New("owner");
        using var registered = await ownerRegistration.RegisterAsync(account);
        using var stranger = ForwardedClient.Create(baseAddress, forwardedFor: "203.0.113.1");
        using var owner = ForwardedClient.Create(baseAddress, forwardedFor: "203.0.113.2");

        var strangerGuesses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var guess = await stranger.LogInAsync(account.UserName, WrongPassword);
            strangerGuesses.Add(guess.StatusCode);
        }

        using var strangerWithThePassword = await stranger.LogInAsync(account.UserName, account.Password);
        using var ownerLogIn = await owner.LogInAsync(account.UserName, account.Password);

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.All(strangerGuesses, status => Assert.Equal(HttpStatusCode.OK, status));
        // Locked for the stranger's address, even with the right password...
        Assert.Equal(HttpStatusCode.OK, strangerWithThePassword.StatusCode);
        // ...and not for the owner's.
        Assert.Equal(HttpStatusCode.Redirect, ownerLogIn.StatusCode);
    }

    /// <summary>Logs in once; the status, the words shown, and how many password hashes the answer took.</summary>
    private async Task<(HttpStatusCode Status, string Words, int Hashes)> LogInAsync(
        HttpClient client, string userNameOrEmail, string password)
    {
        var before = app.Hasher.Rounds;
        using var response = await client.LogInAsync(userNameOrEmail, password);
        var hashes = app.Hasher.Rounds - before;
        var match = FormErrorRegex().Match(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value).Trim() : "", hashes);
    }

    [GeneratedRegex("""class="form-error"[^>]*>(?<text>[^<]*)<""")]
    private static partial Regex FormErrorRegex();
}
