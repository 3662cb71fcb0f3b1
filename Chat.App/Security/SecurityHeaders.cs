namespace Chat.App.Security;

/// <summary>
/// The headers every response carries. They are added just before the response starts, so that an answer that
/// chose its own policy (the avatar endpoint's stricter one) keeps it, and an error page re-executed after the
/// headers were cleared still gets them.
/// </summary>
internal static class SecurityHeaders
{
    // Only our own files: blazor.web.js, Radzen.Blazor.js, js/*.js and the stylesheets. Blazor and Radzen write
    // style attributes into the DOM (positions, widths), which style-src 'self' alone would block; a style attribute
    // cannot run script, so 'unsafe-inline' is allowed for attributes only, never for <style> or <script>.
    // connect-src 'self' covers the circuit's WebSocket to the same host (CSP Level 3 maps ws: and wss: to 'self').
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
