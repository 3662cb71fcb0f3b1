using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Tests.Support;

/// <summary>An account as the registration form takes it. Every call to <see cref="New"/> gives a fresh one.</summary>
public sealed record TestAccount(string UserName, string DisplayName, string Email, string Password)
{
    public static TestAccount New(string prefix = "user")
    {
        var userName = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        return new TestAccount(userName, $"Test {userName}", $"{userName}@example.test", "correct horse battery");
    }
}

/// <summary>
/// Drives the static account forms the way a browser without JavaScript would: GET the page, take the hidden
/// <c>_handler</c> and <c>__RequestVerificationToken</c> fields from it, POST them back with the visible fields.
/// The client keeps cookies and does not follow redirects, so tests see every 302.
/// </summary>
public static partial class BrowserClient
{
    public static HttpClient CreateBrowserClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static Task<HttpResponseMessage> GetAsync(this HttpClient client, string url) =>
        client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>GETs <paramref name="url"/>, then posts its form with <paramref name="fields"/> added.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)page.StatusCode}.");

        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", HiddenValue(html, "_handler")),
            new("__RequestVerificationToken", HiddenValue(html, "__RequestVerificationToken")),
        };
        form.AddRange(fields);
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>
    /// GETs <paramref name="url"/>, then posts its form named <paramref name="formName"/> (a page may hold
    /// several) with <paramref name="fields"/> added.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)page.StatusCode}.");
        Assert.Contains($"""<input type="hidden" name="_handler" value="{formName}" />""", html, StringComparison.Ordinal);

        var form = new List<KeyValuePair<string, string>>
        {
            new("_handler", formName),
            new("__RequestVerificationToken", HiddenValue(html, "__RequestVerificationToken")),
        };
        form.AddRange(fields);
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, TestAccount account) =>
        client.RegisterAsync(account, account.Password);

    /// <summary>Registers with a confirmation that matches <paramref name="password"/>, which may differ from the account's.</summary>
    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, TestAccount account, string password) =>
        client.SubmitFormAsync("/account/register",
        [
            new("Input.UserName", account.UserName),
            new("Input.DisplayName", account.DisplayName),
            new("Input.Email", account.Email),
            new("Input.Password", password),
            new("Input.ConfirmPassword", password),
        ]);

    public static Task<HttpResponseMessage> LogInAsync(this HttpClient client, string userNameOrEmail, string password) =>
        client.SubmitFormAsync("/account/login",
        [
            new("Input.UserNameOrEmail", userNameOrEmail),
            new("Input.Password", password),
        ]);

    /// <summary>A client logged in as a newly registered account.</summary>
    public static async Task<(HttpClient Client, TestAccount Account)> CreateLoggedInClientAsync(
        this WebApplicationFactory<Program> factory, string prefix = "user")
    {
        var client = factory.CreateBrowserClient();
        var account = TestAccount.New(prefix);
        using var response = await client.RegisterAsync(account);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Registration answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (client, account);
    }

    /// <summary>The value of the first hidden input called <paramref name="name"/>.</summary>
    public static string HiddenValue(string html, string name)
    {
        foreach (Match input in HiddenInputRegex().Matches(html))
        {
            if (input.Groups["name"].Value == name)
            {
                return WebUtility.HtmlDecode(input.Groups["value"].Value);
            }
        }

        throw new InvalidOperationException($"No hidden input '{name}' in the page.");
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" />""")]
    private static partial Regex HiddenInputRegex();
}
