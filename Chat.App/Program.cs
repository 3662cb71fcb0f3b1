using Chat.App;
using Chat.App.Components;
using Chat.App.Components.Account;
using Chat.App.Components.Common;
using Chat.App.Components.Layout;
using Chat.App.Components.Localization;
using Chat.App.Components.Messaging;
using Chat.App.Components.Tabs;
using Chat.App.Components.Theming;
using Chat.App.Health;
using Chat.App.Localization;
using Chat.App.Security;
using Chat.Domain;
using Chat.Domain.Data;
using Chat.Domain.RateLimiting;
using Chat.Domain.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);

// How long a circuit whose browser went away (network drop, sleeping laptop) is kept for it to come back to; after
// that the page reloads (Components/Layout/ReconnectModal.razor.js) and starts again from the database.
var circuitRetention = builder.Configuration.GetValue("Circuit:DisconnectedRetention", TimeSpan.FromMinutes(3));
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents(options =>
    {
        options.DisconnectedCircuitRetentionPeriod = circuitRetention;
        // .NET 10 would otherwise keep an evicted circuit's root components for two hours and "resume" them into a
        // new circuit under the old page, whose scripts still hold the old circuit's objects. A reload is one clean
        // path that works on every instance behind the balancer.
        options.PersistedCircuitInMemoryMaxRetained = 0;
    });
builder.Services.AddChatTheme();
builder.Services.AddChatLocalization();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<HttpStatus>();
builder.Services.AddScoped<ReaderTimeZone>();
builder.Services.AddScoped<CircuitHandler, PresenceCircuitHandler>();
builder.Services.AddTabLimit(builder.Configuration);

var database = DatabaseConfiguration.Read(builder.Configuration, builder.Environment);
builder.Services.AddChatDomain(database, builder.Configuration["Instance:Name"]);
// How fast one user may send, edit, create servers and channels, invite...: over it, "Slow down" and nothing changes.
builder.Services.AddOptions<WriteRateLimitOptions>()
    .Bind(builder.Configuration.GetSection(WriteRateLimitOptions.Section))
    .ValidateDataAnnotations()
    .ValidateOnStart();

// Several instances behind a load balancer (docs/decisions/0004-scale-out.md): one set of cookie keys for all, the
// client's address and scheme from the trusted proxy, and health endpoints for the balancer.
builder.Services.AddSharedDataProtection(builder.Configuration);
builder.Services.AddProxyHeaders(builder.Configuration);
builder.Services.AddChatHealthChecks(database);

// Identity, as the Individual Accounts template wires it: static account pages, cookies, and a circuit whose
// authentication state is checked against the security stamp every interval (sessions, below, end it at once).
var revalidationInterval = builder.Configuration.GetValue("Auth:RevalidationInterval", TimeSpan.FromMinutes(1));
if (revalidationInterval <= TimeSpan.Zero)
{
    // The circuit's revalidation loop waits this long between checks; zero would spin without ever yielding.
    throw new InvalidOperationException("Auth:RevalidationInterval must be greater than zero.");
}

builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<IdentityRedirectManager>();
builder.Services.AddScoped<AuthenticationStateProvider>(sp => new IdentityRevalidatingAuthenticationStateProvider(
    sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<IServiceScopeFactory>(), revalidationInterval));
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = revalidationInterval);
builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);

builder.Services.AddAuthentication(options =>
    {
        options.DefaultScheme = IdentityConstants.ApplicationScheme;
        options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
    })
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.AccessDeniedPath = "/error/403";
    options.Cookie.Name = "chat.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    // Secure whenever the request came over HTTPS; plain HTTP is only ever a developer's machine or a test.
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
// Each sign-in is a session on the server, revoked at logout or a new password or email: the cookie stops working
// at once on every instance, not at the next stamp check.
builder.Services.AddServerSideSessions();
builder.Services.AddAuthorization(options => options.FallbackPolicy = options.DefaultPolicy);

builder.Services.AddIdentityCore<ChatUser>(options =>
    {
        options.SignIn.RequireConfirmedAccount = false;
        options.User.RequireUniqueEmail = true;
        options.User.AllowedUserNameCharacters =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.";
        // Length over composition (NIST SP 800-63B): at least 10 characters, any characters.
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        // No account-wide lockout: anyone could lock the owner out. Wrong passwords are counted per account and
        // client address instead (Security/LoginThrottle).
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
builder.Services.AddLoginLockout(builder.Configuration);
builder.Services.AddLoginRateLimit(builder.Configuration);
builder.Services.AddRegistrationRateLimit(builder.Configuration);

var app = builder.Build();

await ChatDatabase.MigrateAsync(app.Services);
DatabaseConfiguration.LogLimits(app.Logger, database);

// Before anything that looks at the client's address or the scheme.
app.UseForwardedHeaders();

// Early, so that every answer gets the headers, error pages included.
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

// English or Spanish, from the user's cookie or the browser: before anything renders, error pages included.
app.UseChatLocalization();

// Errors get our own pages: an exception becomes the 500 page, and any empty 4xx answer (an unknown URL, a
// failed antiforgery check) is re-executed as the page for its status code.
app.UseExceptionHandler("/error/500", createScopeForErrors: true);
app.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);

// Two gaps between Blazor and status code pages, closed here so that every empty error answer gets our page:
// - a refused form post (no antiforgery token, not a form content type) is an empty 400 that already carries
//   Blazor's text/html Content-Type, which status code pages take for a body and leave alone (in Development
//   Blazor writes a plain-text hint for the developer into it instead, and that is kept);
// - re-execution keeps the method, so the error page would take the POST for a submission of its own form and refuse
//   it again. The error pages have no form: they are rendered as a GET. (Blazor already does this for exceptions.)
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

app.UseSameOriginHub();

// Explicitly after the error handlers, so that a re-executed error page is authorized like any request (pages
// carry [Authorize] from Pages/_Imports.razor; the error pages add [AllowAnonymous]). Left to WebApplication,
// these would run first, and re-executing into a page with authorization metadata throws.
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    // Blazor sends its own "frame-ancestors 'self'" policy with pages; ours (frame-ancestors 'none') replaces it,
    // so that a page carries one policy.
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
app.MapAccountEndpoints();
app.MapThemeEndpoints();
app.MapLanguageEndpoints();
app.MapAvatarEndpoints();
app.MapHealthEndpoints();
// Last: an unknown URL is a 404 page for everyone, not a redirect to the login page (see the file).
app.MapNotFoundFallback();

app.Run();
