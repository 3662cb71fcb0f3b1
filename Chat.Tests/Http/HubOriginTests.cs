using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>A page of another site must not open a circuit with the user's cookie (cross-site WebSocket hijacking).</summary>
public sealed class HubOriginTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("null")]
    public async Task Negotiate_FromForeignOrigin_IsRefused(string origin)
    {
        var (client, _) = await app.CreateLoggedInClientAsync();
        using var _ = client;

        using var response = await NegotiateAsync(client, origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_FromOwnOrigin_IsAccepted()
    {
        var (client, _) = await app.CreateLoggedInClientAsync();
        using var _ = client;

        using var response = await NegotiateAsync(client, "http://localhost");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }
}
