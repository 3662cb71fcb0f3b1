namespace Chat.App.Security;

internal static class LoginLockout
{
    /// <summary>The lockout per account and client address, and the password check that uses it.</summary>
    public static IServiceCollection AddLoginLockout(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<LoginLockoutOptions>(configuration, LoginLockoutOptions.Section);
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<PasswordCheck>();
        return services;
    }
}
