namespace Chat.Tests.Support;

public static class ForwardedClient
{
    /// <summary>
    /// A client as the proxy on this machine forwards it: its own cookies, no redirects followed, and the client
    /// address in X-Forwarded-For, which the app believes from loopback.
    /// </summary>
    public static HttpClient Create(Uri baseAddress, string forwardedFor)
    {
#pragma warning disable CA2000 // The client disposes its handler.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }, disposeHandler: true)
#pragma warning restore CA2000
        {
            BaseAddress = baseAddress,
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }
}
