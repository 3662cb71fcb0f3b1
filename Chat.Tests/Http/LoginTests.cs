using System.Net;
using System.Text.RegularExpressions;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

public sealed partial class LoginTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Fact]
    public async Task LogIn_WithUserName_SignsIn()
    {
        var account = await RegisterAsync();
        using var client = app.CreateBrowserClient();

        using var response = await client.LogInAsync(account.UserName, account.Password);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task LogIn_WithEmail_SignsIn()
    {
        var account = await RegisterAsync();
        using var client = app.CreateBrowserClient();

        using var response = await client.LogInAsync(account.Email, account.Password);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task LogIn_WithWrongPasswordOrUnknownUser_ShowsTheSameMessage()
    {
        var account = await RegisterAsync();
        using var client = app.CreateBrowserClient();

        using var wrongPassword = await client.LogInAsync(account.UserName, "not the password at all");
        using var unknownUser = await client.LogInAsync(TestAccount.New("nobody").UserName, account.Password);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownUser.StatusCode);
        var message = await FormErrorAsync(wrongPassword);
        Assert.StartsWith("Invalid username, email or password.", message, StringComparison.Ordinal);
        Assert.Equal(message, await FormErrorAsync(unknownUser));
    }

    [Fact]
    public async Task LogIn_AfterFiveFailures_RefusesTheCorrectPasswordWithTheSameWords()
    {
        var account = await RegisterAsync();
        using var client = app.CreateBrowserClient();
        using var firstFailure = await client.LogInAsync(account.UserName, "not the password at all");
        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var failure = await client.LogInAsync(account.UserName, "not the password at all");
        }

        using var response = await client.LogInAsync(account.UserName, account.Password);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await FormErrorAsync(firstFailure), await FormErrorAsync(response));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        // Locked for this address only (Chat.Tests.Http.LoginLockoutTests), never for everyone.
        var user = await app.FindUserAsync(account.UserName);
        Assert.Null(user!.LockoutEnd);
    }

    [Fact]
    public async Task LogIn_WithLocalReturnUrl_RedirectsThere()
    {
        var account = await RegisterAsync();
        using var client = app.CreateBrowserClient();

        using var response = await client.SubmitFormAsync("/account/login?ReturnUrl=%2Fservers%2F7",
            [new("Input.UserNameOrEmail", account.UserName), new("Input.Password", account.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", location.Host);
        Assert.Equal("/servers/7", location.AbsolutePath);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task LogIn_WithForeignReturnUrl_StaysOnThisSite(string returnUrl)
    {
        var account = await RegisterAsync();
        using var client = app.CreateBrowserClient();

        using var response = await client.SubmitFormAsync($"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}",
            [new("Input.UserNameOrEmail", account.UserName), new("Input.Password", account.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", location.Host);
    }

    private async Task<TestAccount> RegisterAsync()
    {
        var (client, account) = await app.CreateLoggedInClientAsync();
        client.Dispose();
        return account;
    }

    private static async Task<string> FormErrorAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = FormErrorRegex().Match(html);
        Assert.True(match.Success, "The page shows no form error.");
        return WebUtility.HtmlDecode(match.Groups["text"].Value).Trim();
    }

    [GeneratedRegex("""class="form-error"[^>]*>(?<text>[^<]*)<""")]
    private static partial Regex FormErrorRegex();
}
