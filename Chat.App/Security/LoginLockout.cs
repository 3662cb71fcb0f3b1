namespace Chat.App.Security;

internal static class LoginLockout
{
    /// <summary>The lockout per account and client address, and the password check that uses it.</summary>
    public static IServiceCollection AddLoginLockout(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LoginLockoutOptions>()
            .Bind(configuration.GetSection(LoginLockoutOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<PasswordCheck>();
        return services;
    }
}
