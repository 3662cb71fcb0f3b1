using Chat.App.Components.Theming;

namespace Chat.App.Security;

/// <summary>
/// The headers every response carries. They are added just before the response starts, so that an answer that
/// chose its own policy (the avatar endpoint's stricter one) keeps it, and an error page re-executed after the
/// headers were cleared still gets them.
/// </summary>
internal static class SecurityHeaders
{
    // Scripts: only our own files (blazor.web.js, MudBlazor.min.js, js/*.js), no inline or eval'd script
    // (HostileInputTests and ProfileTests fail on any console error, which is where a violation shows).
    // Styles: our stylesheets; as <style> elements only the theme's own texts, by hash; and style= attributes, which
    // MudBlazor writes for popovers, drawers and dialogs and for which CSP has no hash. Why no user text can reach
    // either: docs/security.md. connect-src 'self' covers the circuit's WebSocket to the same host (CSP Level 3 lets
    // 'self' match ws: and wss:).
    public static string ContentSecurityPolicy(IEnumerable<string> themeStyleHashes) =>
        "default-src 'self'; script-src 'self'; " +
        $"style-src 'self'; style-src-elem 'self' {string.Join(' ', themeStyleHashes)}; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        // The theme is rendered once, on the first request (ThemeStyles), and the policy built from it once too.
        var styles = app.ApplicationServices.GetRequiredService<ThemeStyles>();
        var policy = new Lazy<Task<string>>(async () => ContentSecurityPolicy(await styles.GetHashesAsync()));
        return app.Use(async (context, next) =>
        {
            var contentSecurityPolicy = await policy.Value;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = contentSecurityPolicy;
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
