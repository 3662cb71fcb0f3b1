using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chat.App.Security;

/// <summary>
/// Caps the posts of the login and registration forms per client address; viewing a form is free, and a refusal is
/// one 429 page with Retry-After for both.
/// <list type="bullet">
/// <item>Login: on top of the lockout per account and address (<see cref="LoginThrottle"/>). That stops one address
/// guessing one account's password; this stops one address trying a few passwords on many accounts.</item>
/// <item>Registration: the form says when an email or username is taken, so without a cap it would answer "which of
/// these addresses have an account?" as fast as one could ask (docs/decisions/0006-registration-enumeration.md).</item>
/// </list>
/// </summary>
internal static class FormPostLimits
{
    public const string LoginPolicy = "login";

    public const string RegistrationPolicy = "register";

    public static IServiceCollection AddFormPostLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<FormPostLimitOptions>(configuration, FormPostLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<FormPostLimitOptions>>((limiter, settings) =>
        {
            limiter.AddPolicy(LoginPolicy,
                context => PerAddress(context, settings.Value.LoginPostsPerMinute, TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(RegistrationPolicy,
                context => PerAddress(context, settings.Value.RegistrationPostsPerHour, TimeSpan.FromHours(1)));
        });
        return services;
    }

    /// <summary>A form's posts per client address in a fixed window; viewing the form is free.</summary>
    private static RateLimitPartition<string> PerAddress(HttpContext context, int permitLimit, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window })
            : RateLimitPartition.GetNoLimiter("view");
}
