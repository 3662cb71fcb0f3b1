using Chat.App;
using Chat.App.Components;
using Chat.App.Components.Account;
using Chat.App.Components.Attachments;
using Chat.App.Components.Common;
using Chat.App.Components.Localization;
using Chat.App.Components.Pages;
using Chat.App.Components.Tabs;
using Chat.App.Components.Theming;
using Chat.App.Diagnostics;
using Chat.App.Health;
using Chat.App.Localization;
using Chat.App.Security;
using Chat.Domain;
using Chat.Domain.Data;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

// Every setting is an options class, bound from its section and checked when the app starts (README, Configuration).
builder.Services.AddChatComponents(builder.Configuration);
builder.Services.AddChatTheme();
builder.Services.AddChatLocalization();
builder.Services.AddTabLimit(builder.Configuration);

// The provider decides which services exist, so it is read before the container is built.
var database = DatabaseConfiguration.Read(builder.Configuration, builder.Environment);
builder.Services.AddChatDomain(database, builder.Configuration["Instance:Name"]);
builder.Services.AddChatDomainSettings(builder.Configuration);

// Several instances behind a load balancer (docs/decisions/0004-scale-out.md): one set of cookie keys for all, the
// client's address and scheme from the trusted proxy, and health endpoints for the balancer.
builder.Services.AddSharedDataProtection(builder.Configuration);
builder.Services.AddProxyHeaders(builder.Configuration);
builder.Services.AddChatHealthChecks(database);
builder.AddChatTelemetry();

builder.Services.AddChatIdentity(builder.Configuration);
builder.Services.AddLoginLockout(builder.Configuration);
builder.Services.AddFormPostLimits(builder.Configuration);

var app = builder.Build();

// A wrong setting stops the app here, naming its key, before the database is touched; the host would check the
// same at start, only after the migration.
app.Services.GetRequiredService<IStartupValidator>().Validate();
await ChatDatabase.MigrateAsync(app.Services);
DatabaseConfiguration.LogLimits(app.Logger, database);

// Before anything that looks at the client's address or the scheme.
app.UseForwardedHeaders();

// Early, so that every answer gets the headers, error pages included.
app.UseSecurityHeaders();
app.UseMetricsEndpoint();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

// English or Spanish, from the user's cookie or the browser: before anything renders, error pages included.
app.UseChatLocalization();
app.UseChatErrorPages();
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
app.MapAttachmentEndpoints();
app.MapHealthEndpoints();
// Last: an unknown URL is a 404 page for everyone, not a redirect to the login page (see the file).
app.MapNotFoundFallback();

app.Run();
