namespace Chat.App.Security;

internal static class ClientAddress
{
    /// <summary>
    /// The client's address that per-address limits count for: behind a trusted proxy, the one it forwarded
    /// (ProxyHeaders); from an untrusted one, the proxy's own.
    /// </summary>
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
