using Chat.App.Localization;
using Chat.Domain.Data;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chat.App.Components.Account;

internal static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Identity, as the Individual Accounts template wires it: static account pages, cookies, and a circuit whose
    /// authentication state is checked against the security stamp every interval (server-side sessions end it at once).
    /// </summary>
    public static IServiceCollection AddChatIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RevalidationOptions>(configuration, RevalidationOptions.Section);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<RevalidationOptions>>((options, settings) => options.ValidationInterval = settings.Value.RevalidationInterval);
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/error/403";
            options.Cookie.Name = "chat.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over HTTPS; plain HTTP is only ever a developer's machine or a test.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Each sign-in is a session on the server, revoked at logout or a new password or email: the cookie stops
        // working at once on every instance, not at the next stamp check.
        services.AddServerSideSessions();
        services.AddAuthorization(options => options.FallbackPolicy = options.DefaultPolicy);

        services.AddIdentityCore<ChatUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters =
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.";
                options.Password.RequiredLength = ChatUser.PasswordMinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // No account-wide lockout: anyone could lock the owner out. Wrong passwords are counted per account
                // and client address instead (Security/LoginThrottle).
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddUserManager<ChatUserManager>()
            .AddUserValidator<UserNameValidator>()
            .AddUserValidator<ConfusableUserNameValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            // Identity's errors and our validators' in the reader's language (Localization/IdentityErrors.resx).
            .AddErrorDescriber<IdentityErrors>()
            .AddEntityFrameworkStores<ChatDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        return services;
    }
}
