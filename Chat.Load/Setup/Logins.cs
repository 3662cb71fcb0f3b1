using System.Net;
using System.Text.RegularExpressions;

namespace Chat.Load.Setup;

/// <summary>
/// Logs users in through the real login form, as a browser without JavaScript would: GET the form for its
/// antiforgery token and cookie, POST it back with the credentials, keep the authentication cookie.
/// </summary>
internal static partial class Logins
{
    public const string AuthCookieName = "chat.auth";

    public static async Task<AuthCookie> LogInAsync(
        HttpClient http, Uri baseUrl, string userName, string password, CancellationToken ct)
    {
        var form = new Uri(baseUrl, "account/login");
        string html;
        List<KeyValuePair<string, string>> antiforgery;
        using (var page = await http.GetAsync(form, ct))
        {
            Expect(page, HttpStatusCode.OK, "GET");
            html = await page.Content.ReadAsStringAsync(ct);
            antiforgery = SetCookies(page);
        }

        var fields = new Dictionary<string, string>
        {
            ["_handler"] = Hidden(html, "_handler"),
            ["__RequestVerificationToken"] = Hidden(html, "__RequestVerificationToken"),
            ["Input.UserNameOrEmail"] = userName,
            ["Input.Password"] = password,
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, form) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", string.Join("; ", antiforgery.Select(c => $"{c.Key}={c.Value}")));
        using var response = await http.SendAsync(post, ct);
        // Success is a redirect away from the form; a wrong password shows the form again with 200.
        Expect(response, HttpStatusCode.Redirect, "POST");
        var auth = SetCookies(response).Where(c => c.Key.StartsWith(AuthCookieName, StringComparison.Ordinal)).ToList();
        if (auth.Count == 0)
        {
            throw new InvalidOperationException($"Logging in {userName} set no {AuthCookieName} cookie.");
        }

        return new AuthCookie(auth);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string method)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException(
                $"{method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)status}.");
        }
    }

    private static List<KeyValuePair<string, string>> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? [.. values.Select(v => v.Split(';', 2)[0].Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1]))]
            : [];

    private static string Hidden(string html, string name) =>
        HiddenInput().Matches(html).FirstOrDefault(m => m.Groups[1].Value == name)?.Groups[2].Value
            ?? throw new InvalidOperationException($"The login form has no hidden {name} field.");

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
