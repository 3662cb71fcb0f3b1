namespace Chat.App.Security;

/// <summary>
/// The headers every response carries. They are added just before the response starts, so that an answer that
/// chose its own policy (the avatar endpoint's stricter one) keeps it, and an error page re-executed after the
/// headers were cleared still gets them.
/// </summary>
internal static class SecurityHeaders
{
    // Only our own files: blazor.web.js, Radzen.Blazor.js, js/*.js and the stylesheets; no inline or eval'd script
    // (HostileInputTests and ProfileTests fail on any console error, which is where a violation shows). connect-src 'self' covers
    // the circuit's WebSocket to the same host (CSP Level 3 lets 'self' match ws: and wss:).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; " +
        "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
