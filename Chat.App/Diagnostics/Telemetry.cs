using System.Net;
using Chat.App.Security;
using Chat.Domain.Diagnostics;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Chat.App.Diagnostics;

/// <summary>
/// OpenTelemetry for operators (README, "Observability"): the framework's metrics (requests, the runtime, Blazor's
/// circuits) and Chat's own (<see cref="ChatMetrics"/>), read in Prometheus' format at /metrics; and, when an OTLP
/// endpoint is configured (the SDK's own OTEL_EXPORTER_OTLP_ENDPOINT), traces of requests and database commands,
/// metrics and logs sent there too.
/// </summary>
internal static class Telemetry
{
    public const string MetricsPath = "/metrics";

    // .NET 10's circuit meter: aspnetcore.components.circuit.active is the number of open tabs.
    private const string CircuitMeter = "Microsoft.AspNetCore.Components.Server.Circuits";

    // Blazor's lifecycle meter, which the ASP.NET Core instrumentation turns on: it times every component's
    // parameters and every render batch, with an async method per measure. At 200 users that was 4% of the app's CPU
    // and more garbage to collect on every message (docs/performance.md); a profiler is the tool for that question.
    private const string ComponentLifecycleMeter = "Microsoft.AspNetCore.Components.Lifecycle";

    public static void AddChatTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<MetricsOptions>(builder.Configuration, MetricsOptions.Section);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                "chat", serviceInstanceId: builder.Configuration["Instance:Name"] ?? Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddView(instrument => instrument.Meter.Name == ComponentLifecycleMeter ? MetricStreamConfiguration.Drop : null)
                .AddRuntimeInstrumentation()
                .AddMeter(ChatMetrics.MeterName, CircuitMeter)
                // Every scrape counts afresh: the exporter's default reuses an answer for 300 ms.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        // Traces cost a little on every request and query; they are only made when something collects them.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation())
                .UseOtlpExporter();
        }
    }

    /// <summary>
    /// /metrics answers this machine and the configured networks only; anyone else gets the 404 page, as for any
    /// unknown address. After the forwarded headers, so that behind nginx the address is the client's, not nginx's.
    /// </summary>
    public static void UseMetricsEndpoint(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowedNetworks
            .Select(NetworkEntries.Parse)
            .ToList();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == MetricsPath && IsAllowed(context.Connection.RemoteIpAddress, allowed));
    }

    private static bool IsAllowed(IPAddress? address, List<System.Net.IPNetwork> allowed)
    {
        if (address is null)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IPAddress.IsLoopback(address) || allowed.Exists(network => network.Contains(address));
    }
}
