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
        private static readonly Endpoint Throwing = new(
            _ => throw new InvalidOperationException(SecretMessage), EndpointMetadataCollection.Empty, "Throws (test)");

        // Chooses the endpoint ahead of the app's pipeline: routing keeps an endpoint that is already set, so the
        // request then goes through the app's exception handler and authorization as a page does, and the catch-all
        // 404 endpoint never sees the path.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path == ThrowingPath)
                {
                    context.SetEndpoint(Throwing);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
