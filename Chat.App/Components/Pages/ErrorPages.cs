using Microsoft.AspNetCore.Diagnostics;

namespace Chat.App.Components.Pages;

internal static class ErrorPages
{
    /// <summary>
    /// Errors get our own pages (ErrorPage.razor): an exception becomes the 500 page, and any empty 4xx answer (an
    /// unknown URL, a failed antiforgery check) is re-executed as the page for its status code.
    /// </summary>
    public static IApplicationBuilder UseChatErrorPages(this IApplicationBuilder app)
    {
        app.UseExceptionHandler("/error/500", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);

        // Two gaps between Blazor and status code pages, closed here so that every empty error answer gets our page:
        // - a refused form post (no antiforgery token, not a form content type) is an empty 400 that already carries
        //   Blazor's text/html Content-Type, which status code pages take for a body and leave alone (in Development
        //   Blazor writes a plain-text hint for the developer into it instead, and that is kept);
        // - re-execution keeps the method, so the error page would take the POST for a submission of its own form and
        //   refuse it again. The error pages have no form: they are rendered as a GET. (Blazor already does this for
        //   exceptions.)
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
            }

            await next(context);

            if (context.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null })
            {
                context.Response.ContentType = null;
            }
        });
        return app;
    }
}
