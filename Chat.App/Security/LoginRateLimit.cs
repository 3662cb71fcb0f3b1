using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chat.App.Security;

/// <summary>
/// Caps login form posts per client address, on top of the lockout per account and address (<see cref="LoginThrottle"/>):
/// that stops one address guessing one account's password, this stops one address trying a few passwords on many
/// accounts. Viewing the form is free.
/// </summary>
internal static class LoginRateLimit
{
    public const string PolicyName = "login";

    public static IServiceCollection AddLoginRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<LoginRateLimitOptions>(configuration, LoginRateLimitOptions.Section);
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
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<LoginRateLimitOptions>>((limiter, settings) => limiter.AddPolicy(PolicyName,
                context => FormPostLimit.PerAddress(context, settings.Value.LoginPostsPerMinute, TimeSpan.FromMinutes(1))));
        return services;
    }
}
