using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Chat.Domain.Communities;
using Chat.Domain.Messages;
using Chat.Domain.Realtime;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>
/// What an operator's Prometheus reads at /metrics: Chat's own counts beside the framework's, and only from this
/// machine or the networks the Metrics section allows; anyone else, also through nginx, gets the 404 page.
/// </summary>
/// <remarks>
/// Alone: OpenTelemetry listens to meters by name, so an app in this process also counts what the other tests' apps
/// do; in production there is one app per process.
/// </remarks>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_FromThisMachine_CountMessagesSentAndLiveDeliveries_BesideTheFrameworksOwn()
    {
        await using var app = new ChatAppFactory();
        var baseAddress = app.StartKestrel();
        var owner = await app.CreateUserWithoutPasswordAsync("owner");
        var server = await app.Services.GetRequiredService<CommunityService>().CreateAsync(owner.Id, "Metered", "", isPublic: false);
        var received = 0;
        using var tab = app.Services.GetRequiredService<ChatHub>().Subscribe(Topics.Community(server.Id), _ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        });
        var messages = app.Services.GetRequiredService<MessageService>();
        using var client = new HttpClient { BaseAddress = baseAddress };

        var before = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        await messages.SendAsync(owner.Id, server.FirstChannelId!.Value, "one", Guid.NewGuid());
        await messages.SendAsync(owner.Id, server.FirstChannelId!.Value, "two", Guid.NewGuid());
        var after = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(2, Value(after, "chat_messages_sent_total") - Value(before, "chat_messages_sent_total"));
        Assert.Equal(received, Value(after, "chat_events_delivered_total") - Value(before, "chat_events_delivered_total"));
        Assert.True(received >= 2, $"the tab got both messages, and got {received} events");
        // The framework's: requests served, the runtime, and Blazor's circuits (open tabs).
        Assert.Contains("http_server_request_duration_seconds", after, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_LeaveOutBlazorsPerRenderTimings_ButKeepItsEventAndCircuitMeasures()
    {
        await using var app = new ChatAppFactory();
        app.StartKestrel();

        // Instruments named as Blazor's: the exporter listens to a measure only if it will export it, and Blazor
        // times a component's parameters or a render batch only when someone listens.
        using var lifecycle = new Meter("Microsoft.AspNetCore.Components.Lifecycle");
        using var components = new Meter("Microsoft.AspNetCore.Components");
        var parameters = lifecycle.CreateHistogram<double>("aspnetcore.components.update_parameters.duration");
        var events = components.CreateHistogram<double>("aspnetcore.components.handle_event.duration");

        Assert.False(parameters.Enabled);
        Assert.True(events.Enabled);
    }

    [Fact]
    public async Task Metrics_ForAClientBehindTheProxy_IsTheNotFoundPage_UnlessItsNetworkIsAllowed()
    {
        await using var app = new ChatAppFactory();
        app.Settings["Metrics:AllowedNetworks:0"] = "198.51.100.0/24";
        var baseAddress = app.StartKestrel();
        using var outsider = ForwardedClient.Create(baseAddress, forwardedFor: "203.0.113.7");
        using var prometheus = ForwardedClient.Create(baseAddress, forwardedFor: "198.51.100.20");

        using var refused = await outsider.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var allowed = await prometheus.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("chat_", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("dotnet_gc_", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
    public sealed class RunAlone;

    // A sample line: name, optional labels, value, optional timestamp. A counter not yet used is not written: 0.
    private static long Value(string exposition, string name)
    {
        var match = Regex.Match(exposition, $@"^{name}(?:\{{[^}}]*\}})? (\d+)", RegexOptions.Multiline);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }
}
