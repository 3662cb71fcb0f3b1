namespace Chat.App.Security;

/// <summary>
/// Refuses a Blazor circuit (the SignalR negotiate and the WebSocket handshake under /_blazor) opened by a page
/// of another site. Browsers do not apply CORS to WebSockets, and the cookie goes along, so without this check
/// a foreign page could drive a logged-in user's circuit. Browsers always send Origin on these requests; a
/// request without it (not a browser) has no cookie to abuse and passes.
/// </summary>
internal static class SameOriginHub
{
    public static IApplicationBuilder UseSameOriginHub(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/_blazor")
                && request.Headers.Origin is [{ } origin, ..]
                && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
