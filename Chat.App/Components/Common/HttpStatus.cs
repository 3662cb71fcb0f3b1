namespace Chat.App.Components.Common;

/// <summary>
/// Lets an interactive page answer its first (prerendered) request with a real status code. Inside the live
/// circuit there is no response left to set, and the page only shows the error.
/// </summary>
public sealed class HttpStatus(IHttpContextAccessor accessor)
{
    public void Set(RendererInfo rendererInfo, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(rendererInfo);
        if (!rendererInfo.IsInteractive && accessor.HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = statusCode;
        }
    }
}
