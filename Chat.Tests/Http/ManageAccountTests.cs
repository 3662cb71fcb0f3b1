using System.Net;
using Chat.Tests.Support;
using Microsoft.Net.Http.Headers;

namespace Chat.Tests.Http;

/// <summary>The static email and password forms: both need the current password; a new password ends other sessions.</summary>
public sealed class ManageAccountTests(StampCheckedEveryRequestFactory app) : IClassFixture<StampCheckedEveryRequestFactory>
{
    private const string Page = "/account/manage";
    private const string AuthCookie = "chat.auth";
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
        var session = await app.CreateLoggedInClientAsync();
        using var laptop = session.Client;
        var account = session.Account;
        using var phone = app.CreateBrowserClient();
        using var phoneLogin = await phone.LogInAsync(account.UserName, account.Password);
        var phoneCookie = SetCookies(phoneLogin).Single(c => c.Name == AuthCookie).Value.ToString();

        using var response = await ChangePasswordAsync(laptop, account.Password, NewPassword);
        using var laptopHome = await laptop.GetAsync("/");
        using var phoneHome = await phone.GetAsync("/");
        using var replay = await GetWithCookieAsync("/", phoneCookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your password is changed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, laptopHome.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, phoneHome.StatusCode);
        Assert.Equal("/account/login", phoneHome.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("/account/login", replay.Headers.Location!.AbsolutePath);
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

    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string authCookie)
    {
        using var bare = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(HeaderNames.Cookie, $"{AuthCookie}={authCookie}");
        return await bare.SendAsync(request);
    }

    private static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values)
            ? SetCookieHeaderValue.ParseList(values.ToList())
            : [];
}
