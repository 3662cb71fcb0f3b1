using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>
/// The app behind nginx on the same machine (a real 127.0.0.1 socket, as the proxy connects): the client's address
/// and scheme come from X-Forwarded-For and X-Forwarded-Proto, and only from a trusted proxy.
/// </summary>
public sealed class ProxyHeadersTests
{
    [Fact]
    public async Task LoginRateLimit_BehindTheProxy_CountsEachForwardedClientApart()
    {
        await using var app = new ChatAppFactory();
        app.Settings["Auth:LoginPostsPerMinute"] = "2";
        var baseAddress = app.StartKestrel();
        using var first = ForwardedClient.Create(baseAddress, forwardedFor: "203.0.113.1");
        using var second = ForwardedClient.Create(baseAddress, forwardedFor: "203.0.113.2");

        var firstClient = await LogInRepeatedlyAsync(first, times: 3);
        var secondClient = await LogInRepeatedlyAsync(second, times: 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstClient);
        Assert.Equal([HttpStatusCode.OK], secondClient);
    }

    [Fact]
    public async Task LoginRateLimit_BehindAnUntrustedProxy_IgnoresItsForwardedFor()
    {
        await using var app = new ChatAppFactory();
        app.Settings["Auth:LoginPostsPerMinute"] = "2";
        app.Settings["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10";
        var baseAddress = app.StartKestrel();
        using var first = ForwardedClient.Create(baseAddress, forwardedFor: "203.0.113.1");
        using var second = ForwardedClient.Create(baseAddress, forwardedFor: "203.0.113.2");

        var firstClient = await LogInRepeatedlyAsync(first, times: 2);
        var secondClient = await LogInRepeatedlyAsync(second, times: 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], firstClient);
        Assert.Equal([HttpStatusCode.TooManyRequests], secondClient);
    }

    [Fact]
    public async Task Https_AtTheProxy_GivesASecureCookie_AndTheLiveConnectionAcceptsTheSiteOrigin()
    {
        await using var app = new ChatAppFactory();
        var baseAddress = app.StartKestrel();
        using var client = ForwardedClient.Create(baseAddress, forwardedFor: "203.0.113.1");
        client.DefaultRequestHeaders.Host = "chat.example";
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var registered = await client.RegisterAsync(TestAccount.New());
        var cookie = Assert.Single(registered.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chat.auth=", StringComparison.Ordinal));
        var siteOrigin = await NegotiateAsync(client, cookie, "https://chat.example");
        var plainOrigin = await NegotiateAsync(client, cookie, "http://chat.example");

        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, siteOrigin);
        Assert.Equal(HttpStatusCode.Forbidden, plainOrigin);
    }

    private static async Task<List<HttpStatusCode>> LogInRepeatedlyAsync(HttpClient client, int times)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            using var response = await client.LogInAsync("nobody", "not the password at all");
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static async Task<HttpStatusCode> NegotiateAsync(HttpClient client, string authCookie, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        // The cookie is Secure, so the client keeps it for HTTPS; the proxy would pass it on over the loopback.
        request.Headers.Add("Cookie", authCookie.Split(';')[0]);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
