using System.Threading.RateLimiting;

namespace Chat.App.Security;

internal static class FormPostLimit
{
    /// <summary>
    /// The partition of a form that limits its posts per client address in a fixed window; viewing the form is free.
    /// </summary>
    public static RateLimitPartition<string> PerAddress(HttpContext context, int permitLimit, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window })
            : RateLimitPartition.GetNoLimiter("view");
}
