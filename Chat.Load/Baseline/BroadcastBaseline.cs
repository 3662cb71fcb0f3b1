using System.Net;
using Chat.Load.Connections;
using Chat.Load.Measuring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.Load.Baseline;

/// <summary>The baseline's hub: it has nothing to do, the server broadcasts through its context.</summary>
public sealed class BroadcastHub : Hub;

/// <summary>
/// What fan-out costs without Blazor, the app or a database: a minimal Kestrel app on 127.0.0.1 with one SignalR
/// hub, N raw WebSocket clients speaking the JSON hub protocol, and the server sending each message to all of them
/// through <see cref="IHubContext{THub}"/>.Clients.All.
/// </summary>
internal sealed class BroadcastBaseline : IAsyncDisposable
{
    public const string Target = "message";

    private readonly WebApplication app;
    private readonly List<HubSocket> clients = [];

    private BroadcastBaseline(WebApplication app, MessageLog log)
    {
        this.app = app;
        Log = log;
        Hub = app.Services.GetRequiredService<IHubContext<BroadcastHub>>();
    }

    public MessageLog Log { get; }

    public IHubContext<BroadcastHub> Hub { get; }

    public List<Receiver> Receivers { get; } = [];

    public static async Task<BroadcastBaseline> StartAsync(int clients, MessageLog log, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR(hub =>
        {
            // The clients only listen and send no pings; the run decides when they go.
            hub.ClientTimeoutInterval = TimeSpan.FromHours(1);
            hub.KeepAliveInterval = TimeSpan.FromMinutes(30);
        });
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BroadcastHub>("/hub");
        var baseline = new BroadcastBaseline(app, log);
        try
        {
            await app.StartAsync(ct);
            var url = new UriBuilder(app.Urls.First()) { Scheme = "ws", Path = "/hub" }.Uri;
            await baseline.ConnectAsync(url, clients, ct);
            return baseline;
        }
        catch
        {
            await baseline.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends message <paramref name="seq"/> of the log to every client.</summary>
    public Task BroadcastAsync(int seq)
    {
        Log.MarkSent(seq);
        return Hub.Clients.All.SendAsync(Target, Log.Token(seq));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private async Task ConnectAsync(Uri url, int count, CancellationToken ct)
    {
        var protocol = new JsonHubProtocol();
        var binder = new TextBinder();
        for (var i = 0; i < count; i++)
        {
            var receiver = new Receiver(Log, i, instance: 1);
            // Straight to the WebSocket: SignalR skips negotiate for WebSocket-only clients.
            clients.Add(await HubSocket.ConnectAsync(url, null, protocol, binder, receiver, _ => ValueTask.CompletedTask, ct));
            Receivers.Add(receiver);
        }
    }

    private sealed class TextBinder : IInvocationBinder
    {
        public Type GetReturnType(string invocationId) => typeof(object);

        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [typeof(string)];

        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}
