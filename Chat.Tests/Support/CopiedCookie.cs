using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace Chat.Tests.Support;

/// <summary>
/// Someone's auth cookie, used from a client that has nothing else, as a copied or stolen cookie would be used:
/// no redirects followed, no cookie jar, so a renewed or cleared cookie in an answer changes nothing.
/// </summary>
public static class CopiedCookie
{
    public const string Name = "chat.auth";

    /// <summary>The auth cookie that <paramref name="response"/> set.</summary>
    public static string From(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var values = response.Headers.TryGetValues(HeaderNames.SetCookie, out var headers) ? headers.ToList() : [];
        return SetCookieHeaderValue.ParseList(values).Single(c => c.Name == Name && c.Value.Length > 0).Value.ToString();
    }

    public static async Task<HttpResponseMessage> GetAsync(WebApplicationFactory<Program> app, string path, string cookie)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var bare = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add(HeaderNames.Cookie, $"{Name}={cookie}");
        return await bare.SendAsync(request);
    }

    /// <summary>The first request of a live connection (a circuit), from the app's own origin.</summary>
    public static async Task<HttpResponseMessage> NegotiateAsync(WebApplicationFactory<Program> app, string cookie)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var bare = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add(HeaderNames.Cookie, $"{Name}={cookie}");
        request.Headers.Add(HeaderNames.Origin, "http://localhost");
        return await bare.SendAsync(request);
    }

    /// <summary>
    /// Refused as an anonymous request is: the login challenge. (A page answers it with the redirect; the hub's
    /// endpoints, with the redirect's Location but status 400, which is what an anonymous negotiate gets too.)
    /// </summary>
    public static void AssertRefused(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.False(response.IsSuccessStatusCode, $"Expected a refusal, got {(int)response.StatusCode}.");
        Assert.True(
            response.StatusCode == HttpStatusCode.Unauthorized || response.Headers.Location?.AbsolutePath == "/account/login",
            $"Expected the login challenge, got {(int)response.StatusCode} {response.Headers.Location}.");
    }
}
