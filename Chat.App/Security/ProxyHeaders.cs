using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Chat.App.Security;

/// <summary>
/// Behind a reverse proxy (nginx in front of several instances) the connection comes from the proxy. The
/// framework's forwarded-headers middleware takes the client's address and the scheme from X-Forwarded-For and
/// X-Forwarded-Proto, but only from a trusted proxy: loopback by default, or the addresses and networks in
/// ForwardedHeaders:KnownProxies. So the login rate limit counts per real client, and a page served over HTTPS by
/// the proxy gets a Secure cookie and passes the same-origin check of the live connection. The Host header is the
/// proxy's to pass on, port included (nginx: proxy_set_header Host $http_host; see docs/nginx/chat.conf).
/// </summary>
internal static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (trusted.Length == 0)
            {
                return;
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in trusted)
            {
                if (IPAddress.TryParse(entry, out var address))
                {
                    options.KnownProxies.Add(address);
                }
                else if (System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    options.KnownIPNetworks.Add(network);
                }
                else
                {
                    throw new InvalidOperationException(
                        $"ForwardedHeaders:KnownProxies: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
                }
            }
        });
    }
}
