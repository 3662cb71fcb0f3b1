using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chat.App.Security;

/// <summary>Registration form posts allowed per client address and hour (section Auth).</summary>
public sealed class RegistrationRateLimitOptions
{
    public const string Section = "Auth";

    [Range(1, 1_000_000, ErrorMessage = "Auth:RegistrationPostsPerHour must be between {1} and {2}.")]
    public int RegistrationPostsPerHour { get; set; } = 10;
}

/// <summary>
/// Caps registration form posts per client address. The form says when an email or username is taken, so without
/// a cap it would answer "which of these addresses have an account?" as fast as one could ask
/// (docs/decisions/0006-registration-enumeration.md). Viewing the form is free; a refusal is the same 429 page as
/// for the login limit.
/// </summary>
internal static class RegistrationRateLimit
{
    public const string PolicyName = "register";

    public static IServiceCollection AddRegistrationRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RegistrationRateLimitOptions>(configuration, RegistrationRateLimitOptions.Section);
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RegistrationRateLimitOptions>>((limiter, settings) => limiter.AddPolicy(PolicyName,
                context => FormPostLimit.PerAddress(context, settings.Value.RegistrationPostsPerHour, TimeSpan.FromHours(1))));
        return services;
    }
}
