using Chat.Domain.Data;
using Chat.Domain.Realtime;
using Chat.Domain.Realtime.Relay;
using Microsoft.Extensions.Hosting;

namespace Chat.Tests.Support;

/// <summary>
/// One instance of the app's domain, with its relay running, as a generic host: several of them on one PostgreSQL
/// database in one test process stand for several app instances.
/// </summary>
public sealed class RelayInstance : IAsyncDisposable
{
    private readonly IHost host;
    private bool stopped;

    private RelayInstance(IHost host, string name)
    {
        this.host = host;
        Name = name;
    }

    public string Name { get; }

    public IServiceProvider Services => host.Services;

    public ChatHub Hub => Get<ChatHub>();

    public OutboxListener Listener => Get<OutboxListener>();

    public PresenceTracker Presence => Get<PresenceTracker>();

    /// <summary>How the relay's connection shows in pg_stat_activity.</summary>
    public string ApplicationName => $"chat relay {Name}";

    /// <summary>Starts the instance and returns once its relay listens.</summary>
    /// <param name="configureServices">Registrations after AddChatDomain's, e.g. a faster presence heartbeat.</param>
    public static async Task<RelayInstance> StartAsync(
        string connectionString, string name, Action<IServiceCollection>? configureServices = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddChatDomain(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), name);
        configureServices?.Invoke(builder.Services);
        var instance = new RelayInstance(builder.Build(), name);
        await instance.host.StartAsync();
        await Wait.UntilAsync(() => instance.Listener.IsListening, $"{name}'s relay to listen");
        return instance;
    }

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>Stops it as the app stops: the relay says goodbye and the writer sends what is left.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync();
        }
    }

    /// <summary>Ends it without a word to the others, as a killed process would.</summary>
    public void Crash()
    {
        stopped = true;
        host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        host.Dispose();
    }
}
