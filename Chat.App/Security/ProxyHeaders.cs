using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

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
        services.AddSettings<ProxyHeadersOptions>(configuration, ProxyHeadersOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyHeadersOptions>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var trusted = settings.Value.KnownProxies;
            if (trusted.Count == 0)
            {
                return;
            }

            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var entry in trusted)
            {
                // ProxyHeadersOptions refused anything but addresses and networks at start.
                options.KnownIPNetworks.Add(NetworkEntries.Parse(entry));
            }
        });
        return services;
    }
}
