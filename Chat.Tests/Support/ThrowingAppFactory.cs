using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Support;

/// <summary>
/// The app plus one route that throws, so that tests can see the 500 page without a bug planted in real code.
/// The route exists only in this test host.
/// </summary>
public sealed class ThrowingAppFactory : ChatAppFactory
{
    public const string ThrowingPath = "/test/boom";

    /// <summary>What the exception says; it must never reach the user outside Development.</summary>
    public const string SecretMessage = "Boom: connection string Password=hunter2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, ThrowingRouteFilter>());
    }

    private sealed class ThrowingRouteFilter : IStartupFilter
    {
        // Appended after the app's own pipeline, so its exception handler wraps this route as it wraps a page.
        // No endpoint matches the path, so the request passes authorization (fallback policy) and falls through to here.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(ThrowingPath, branch => branch.Run(_ => throw new InvalidOperationException(SecretMessage)));
        };
    }
}
