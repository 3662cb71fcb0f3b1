using System.Buffers.Binary;
using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

public sealed class RegistrationTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Fact]
    public async Task Register_WithValidInput_RedirectsAndUserCanOpenHome()
    {
        using var client = app.CreateBrowserClient();
        var account = TestAccount.New();

        using var response = await client.RegisterAsync(account);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(1, await app.CountUsersAsync(account));
    }

    [Fact]
    public async Task Register_WithTakenUserName_IsRefusedWithMessage()
    {
        var (first, taken) = await app.CreateLoggedInClientAsync();
        first.Dispose();
        using var client = app.CreateBrowserClient();
        var account = TestAccount.New() with { UserName = taken.UserName };

        using var response = await client.RegisterAsync(account);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Username '{taken.UserName}' is already taken.", await BodyTextAsync(response), StringComparison.Ordinal);
        Assert.Equal(1, await app.CountUsersAsync(account)); // the first account, and nothing with the new email
    }

    [Theory]
    [InlineData(9)]
    [InlineData(129)]
    public async Task Register_WithPasswordLengthOutOfRange_IsRefused(int length)
    {
        using var client = app.CreateBrowserClient();
        var account = TestAccount.New();

        using var response = await client.RegisterAsync(account, new string('p', length));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("A password is 10 to 128 characters.", await BodyTextAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountUsersAsync(account));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(128)]
    public async Task Register_WithPasswordAtLengthLimit_IsAccepted(int length)
    {
        using var client = app.CreateBrowserClient();
        var account = TestAccount.New();

        // No composition rules: lowercase letters only are fine.
        using var response = await client.RegisterAsync(account, new string('p', length));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.CountUsersAsync(account));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("a b")]
    [InlineData("abc-def")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public async Task Register_WithInvalidUserName_IsRefused(string userName)
    {
        using var client = app.CreateBrowserClient();
        var account = TestAccount.New() with { UserName = userName };

        using var response = await client.RegisterAsync(account);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Usernames are 3 to 32 letters, digits, _ or .", await BodyTextAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountUsersAsync(account));
    }

    [Theory]
    [InlineData("alice", "aIice")] // capital I for l
    [InlineData("hello", "he1lo")] // one for l
    [InlineData("mary", "rnary")] // r n for m
    [InlineData("bob", "b0b")] // zero for o
    [InlineData("bob", "B0B")] // ... whatever the case
    public async Task Register_LookalikeOfAnExistingUserName_IsRefusedNextToTheUserNameField(string existing, string lookalike)
    {
        var (first, taken) = await app.CreateLoggedInClientAsync(existing);
        first.Dispose();
        using var client = app.CreateBrowserClient();
        var name = lookalike + taken.UserName[existing.Length..];
        var account = TestAccount.New() with { UserName = name };

        using var response = await client.RegisterAsync(account);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Username '{name}' looks too much like another user's. Choose a different one.",
            FieldOf(await BodyTextAsync(response), "register-username"), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountUsersAsync(account));
    }

    [Theory]
    [InlineData("password12")]
    [InlineData("Password12")]
    [InlineData("qwertyuiop")]
    public async Task Register_WithOneOfTheMostCommonPasswords_IsRefusedNextToThePasswordField(string password)
    {
        using var client = app.CreateBrowserClient();
        var account = TestAccount.New();

        using var response = await client.RegisterAsync(account, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This is one of the 10,000 most common passwords",
            FieldOf(await BodyTextAsync(response), "register-password"), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountUsersAsync(account));
    }

    [Fact]
    public async Task Register_StoresPbkdf2HashWithAtLeast210000Iterations()
    {
        var (client, account) = await app.CreateLoggedInClientAsync();
        client.Dispose();

        var user = await app.FindUserAsync(account.UserName);

        // ASP.NET Core Identity's V3 format: 0x01, then big-endian PRF, iteration count and salt length.
        var hash = Convert.FromBase64String(user!.PasswordHash!);
        Assert.Equal(0x01, hash[0]);
        var prf = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4));
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(9, 4));
        Assert.Contains(prf, new uint[] { 1, 2 }); // HMAC-SHA256 or HMAC-SHA512, not SHA-1
        Assert.True(iterations >= 210_000, $"PBKDF2 ran {iterations} iterations.");
        Assert.True(saltLength >= 16, $"The salt is {saltLength} bytes.");
    }

    /// <summary>The markup of the form field that holds the input <paramref name="id"/>, with its messages.</summary>
    private static string FieldOf(string html, string id) =>
        html.Split("<div class=\"field\">").Single(f => f.Contains($"id=\"{id}\"", StringComparison.Ordinal));

    private static async Task<string> BodyTextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
