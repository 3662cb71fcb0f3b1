using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>
/// The static email and password forms: both need the current password; a new password or email ends the user's
/// other sessions at once (with the default settings, where the security stamp is checked only every minute).
/// </summary>
public sealed class ManageAccountTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    private const string Page = "/account/manage";
    private const string WrongPassword = "That is not your current password.";
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task Get_Anonymous_RedirectsToLogin()
    {
        using var anonymous = app.CreateBrowserClient();

        using var response = await anonymous.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ChangePassword_WithWrongCurrentPassword_IsRefusedNextToTheFieldAndKeepsTheOldOne()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;

        using var response = await ChangePasswordAsync(client, "not my password at all", NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WrongPassword, FieldOf(await response.Content.ReadAsStringAsync(), "password-current"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await LogInStatusAsync(session.Account.UserName, session.Account.Password));
    }

    [Fact]
    public async Task ChangePassword_TooShort_IsRefusedNextToTheField()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;

        using var response = await ChangePasswordAsync(client, session.Account.Password, "short");

        Assert.Contains("A password is 10 to 128 characters.",
            FieldOf(await response.Content.ReadAsStringAsync(), "password-new"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await LogInStatusAsync(session.Account.UserName, session.Account.Password));
    }

    [Fact]
    public async Task ChangePassword_ToOneOfTheMostCommonPasswords_IsRefusedNextToTheFieldAndKeepsTheOldOne()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;

        using var response = await ChangePasswordAsync(client, session.Account.Password, "password12");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This is one of the 10,000 most common passwords",
            FieldOf(await response.Content.ReadAsStringAsync(), "password-new"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await LogInStatusAsync(session.Account.UserName, session.Account.Password));
    }

    [Fact]
    public async Task ChangeEmail_AfterFiveWrongPasswords_RefusesEvenTheRightOne()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await ChangeEmailAsync(client, TestAccount.New().Email, "not my password at all");
        }

        using var response = await ChangeEmailAsync(client, TestAccount.New().Email, session.Account.Password);

        Assert.Contains("Too many failed attempts", FieldOf(await response.Content.ReadAsStringAsync(), "email-password"),
            StringComparison.Ordinal);
        Assert.Equal(session.Account.Email, (await app.FindUserAsync(session.Account.UserName))!.Email);
    }

    [Fact]
    public async Task ChangePassword_WithCurrentPassword_KeepsThisSessionAndEndsTheOthers()
    {
        using var laptop = app.CreateBrowserClient();
        var account = TestAccount.New();
        using var registration = await laptop.RegisterAsync(account);
        var laptopOldCookie = CopiedCookie.From(registration);
        using var phone = app.CreateBrowserClient();
        using var phoneLogin = await phone.LogInAsync(account.UserName, account.Password);
        using var phoneBefore = await phone.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, phoneBefore.StatusCode);

        using var response = await ChangePasswordAsync(laptop, account.Password, NewPassword);
        using var laptopProfile = await laptop.GetAsync("/profile");
        using var phoneProfile = await phone.GetAsync("/profile");
        using var replayPhone = await CopiedCookie.GetAsync(app, "/profile", CopiedCookie.From(phoneLogin));
        using var replayLaptop = await CopiedCookie.GetAsync(app, "/profile", laptopOldCookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your password is changed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, laptopProfile.StatusCode);
        CopiedCookie.AssertRefused(phoneProfile);
        CopiedCookie.AssertRefused(replayPhone);
        // This browser goes on with a new cookie; a copy of its old one is as dead as the others.
        CopiedCookie.AssertRefused(replayLaptop);
        Assert.Equal(HttpStatusCode.Redirect, await LogInStatusAsync(account.UserName, NewPassword));
        Assert.Equal(HttpStatusCode.OK, await LogInStatusAsync(account.UserName, account.Password));
    }

    [Fact]
    public async Task ChangeEmail_WithWrongPassword_IsRefusedNextToTheFieldAndKeepsTheOldEmail()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;
        var newEmail = TestAccount.New().Email;

        using var response = await ChangeEmailAsync(client, newEmail, "not my password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WrongPassword, FieldOf(await response.Content.ReadAsStringAsync(), "email-password"), StringComparison.Ordinal);
        Assert.Equal(session.Account.Email, (await app.FindUserAsync(session.Account.UserName))!.Email);
    }

    [Fact]
    public async Task ChangeEmail_WithoutPassword_IsRefused()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;

        using var response = await ChangeEmailAsync(client, TestAccount.New().Email, "");

        Assert.Contains("Enter your current password.",
            FieldOf(await response.Content.ReadAsStringAsync(), "email-password"), StringComparison.Ordinal);
        Assert.Equal(session.Account.Email, (await app.FindUserAsync(session.Account.UserName))!.Email);
    }

    [Fact]
    public async Task ChangeEmail_ToAnotherUsersEmail_IsRefusedNextToTheField()
    {
        var other = await app.CreateUserWithoutPasswordAsync();
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;

        using var response = await ChangeEmailAsync(client, other.Email!, session.Account.Password);

        Assert.Contains("is already taken", FieldOf(await response.Content.ReadAsStringAsync(), "email-new"), StringComparison.Ordinal);
        Assert.Equal(session.Account.Email, (await app.FindUserAsync(session.Account.UserName))!.Email);
    }

    [Fact]
    public async Task ChangeEmail_WithCurrentPassword_ChangesItAndKeepsThisSession()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var client = session.Client;
        var newEmail = TestAccount.New().Email;

        using var response = await ChangeEmailAsync(client, newEmail, session.Account.Password);
        using var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Your email is now {newEmail}.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(newEmail, (await app.FindUserAsync(session.Account.UserName))!.Email);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await LogInStatusAsync(newEmail, session.Account.Password));
    }

    [Fact]
    public async Task ChangeEmail_WithCurrentPassword_EndsTheOtherSessionsAtOnce()
    {
        var session = await app.CreateLoggedInClientAsync();
        using var laptop = session.Client;
        var account = session.Account;
        using var phone = app.CreateBrowserClient();
        using var phoneLogin = await phone.LogInAsync(account.UserName, account.Password);
        using var phoneBefore = await phone.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, phoneBefore.StatusCode);

        using var response = await ChangeEmailAsync(laptop, TestAccount.New().Email, account.Password);
        using var laptopProfile = await laptop.GetAsync("/profile");
        using var phoneProfile = await phone.GetAsync("/profile");
        using var phoneNegotiate = await CopiedCookie.NegotiateAsync(app, CopiedCookie.From(phoneLogin));

        Assert.Contains("Your email is now", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, laptopProfile.StatusCode);
        CopiedCookie.AssertRefused(phoneProfile);
        CopiedCookie.AssertRefused(phoneNegotiate);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next) =>
        client.SubmitFormAsync(Page, "change-password",
        [
            new("PasswordInput.CurrentPassword", current),
            new("PasswordInput.NewPassword", next),
            new("PasswordInput.ConfirmPassword", next),
        ]);

    private static Task<HttpResponseMessage> ChangeEmailAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync(Page, "change-email",
        [
            new("EmailInput.NewEmail", email),
            new("EmailInput.CurrentPassword", password),
        ]);

    /// <summary>Logs in from a new browser: a redirect on success, the form again (200) on a refusal.</summary>
    private async Task<HttpStatusCode> LogInStatusAsync(string userNameOrEmail, string password)
    {
        using var client = app.CreateBrowserClient();
        using var response = await client.LogInAsync(userNameOrEmail, password);
        return response.StatusCode;
    }

    /// <summary>The markup of the form field that holds the input <paramref name="id"/>, with its messages.</summary>
    private static string FieldOf(string html, string id) =>
        html.Split("<div class=\"field\">").Single(f => f.Contains($"id=\"{id}\"", StringComparison.Ordinal));
}
