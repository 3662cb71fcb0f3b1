namespace Chat.App.Security;

/// <summary>
/// The endpoint of every URL that nothing else maps. Without it such a request has no endpoint, the fallback
/// authorization policy applies to it like to a page, and an anonymous visitor is sent to log in instead of being told
/// that the page does not exist. This endpoint lets anyone in because it shows nothing: it answers an empty 404, which
/// status code pages re-execute as the error page.
/// </summary>
internal static class NotFoundFallback
{
    public static IEndpointConventionBuilder MapNotFoundFallback(this IEndpointRouteBuilder endpoints) =>
        // "{*path}" rather than MapFallback's default, which leaves out paths that look like files ("/x.png").
        endpoints.MapFallback("{*path}", context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            })
            .AllowAnonymous()
            .WithDisplayName("Not found (fallback)");
}
