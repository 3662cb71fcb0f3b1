using System.Collections.Concurrent;
using System.Globalization;
using Chat.Tests.Browser;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.ScaleOut;

/// <summary>
/// Production's shape on one machine: two app instances as child processes on one PostgreSQL database, and nginx
/// with the documented configuration in front of them. Each instance gets a home directory of its own, so that
/// nothing is shared through the local disk (the default Data Protection key ring lives there) and whatever they
/// share goes through the database, as on two machines.
/// </summary>
public sealed class InstancesBehindNginx : IAsyncDisposable
{
    private readonly string homes;
    private readonly ConcurrentDictionary<IBrowserContext, ConcurrentQueue<int>> circuits = new();
    private NginxProcess? nginx;

    private InstancesBehindNginx(string homes, string connectionString)
    {
        this.homes = homes;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public IReadOnlyList<AppProcess> Instances { get; private set; } = [];

    public NginxProcess Nginx => nginx ?? throw new InvalidOperationException("nginx was not started.");

    /// <summary>Everything the processes wrote, for failure messages.</summary>
    public string Output => string.Join(
        "\n", Instances.Select((app, i) => $"--- instance {i + 1} (port {app.Port}):\n{app.Output}").Append($"--- nginx:\n{nginx?.Output}"));

    public static async Task<InstancesBehindNginx> StartAsync()
    {
        // Already migrated, which saves a few seconds; ChatDatabaseTests checks that instances started together on
        // an empty database both come up.
        var connectionString = await SharedPostgres.CreateDatabaseAsync();
        var rig = new InstancesBehindNginx(Directory.CreateTempSubdirectory("scaleout-homes-").FullName, connectionString);
        try
        {
            var starting = Enumerable.Range(1, 2).Select(i => AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Postgres"] = connectionString,
                ["Instance__Name"] = $"instance{i}",
                ["HOME"] = Directory.CreateDirectory(Path.Combine(rig.homes, $"instance{i}")).FullName,
            })).ToList();
            try
            {
                rig.Instances = await Task.WhenAll(starting);
            }
            catch
            {
                // One failed; the other may be running and must not outlive the test.
                foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
                {
                    await started.Result.DisposeAsync();
                }

                throw;
            }

            rig.nginx = await NginxProcess.StartAsync(rig.Instances.Select(app => app.Port).ToList());
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Two users through nginx (see <see cref="TwoUsers"/>), A's browser sent to the first instance and B's to the
    /// second; every circuit they open is recorded (<see cref="CircuitInstances"/>).
    /// </summary>
    public Task<TwoUsers> TwoUsersAsync(ChromiumFixture chromium)
    {
        var next = 0;
        return TwoUsers.InNewServerAsync(() => NewContextOnAsync(chromium, Instances[next++]));
    }

    /// <summary>The instance each circuit of the context was opened on, in order, as nginx reported it.</summary>
    public IReadOnlyList<AppProcess> CircuitInstances(IBrowserContext context) =>
        circuits[context].Select(port => Instances.Single(app => app.Port == port)).ToList();

    /// <summary>
    /// A browser context that nginx sends to <paramref name="instance"/>: each new context gets an affinity cookie of
    /// its own from nginx on its first request, so new ones are tried until one lands there (half of them do).
    /// </summary>
    private async Task<IBrowserContext> NewContextOnAsync(ChromiumFixture chromium, AppProcess instance)
    {
        for (var attempt = 1; ; attempt++)
        {
            var context = await chromium.NewContextAsync(Nginx.BaseUrl.ToString());
            // The context's own request API: the affinity cookie nginx sets lands in the context's cookie jar.
            var probe = await context.APIRequest.GetAsync("account/login");
            if (UpstreamPort(probe.Headers) == instance.Port)
            {
                var recorded = circuits.GetOrAdd(context, _ => new ConcurrentQueue<int>());
                // Every circuit starts with a negotiate request; nginx sends its WebSocket the same way.
                context.Response += (_, response) =>
                {
                    if (response.Url.Contains("/_blazor/negotiate", StringComparison.Ordinal))
                    {
                        recorded.Enqueue(UpstreamPort(response.Headers));
                    }
                };
                return context;
            }

            await context.DisposeAsync();
            if (attempt == 20)
            {
                throw new InvalidOperationException($"20 browser contexts in a row missed the instance on port {instance.Port}:\n{Output}");
            }
        }
    }

    /// <summary>The port of the instance that answered: the last address in nginx's X-Upstream (after a failover it lists every one tried).</summary>
    private static int UpstreamPort(Dictionary<string, string> headers)
    {
        if (!headers.TryGetValue("x-upstream", out var upstream))
        {
            throw new InvalidOperationException("nginx sent no X-Upstream header; docs/nginx/chat.conf should add it.");
        }

        var last = upstream.Split(',')[^1].Trim();
        return int.Parse(last[(last.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (nginx is not null)
        {
            await nginx.DisposeAsync();
        }

        foreach (var app in Instances)
        {
            await app.DisposeAsync();
        }

        await SharedPostgres.DropDatabaseAsync(ConnectionString);
        Directory.Delete(homes, recursive: true);
    }
}

/// <summary>A fact that needs Chromium, PostgreSQL and nginx: skipped on a machine without one of them, failing under CI=true.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ScaleOutFactAttribute : FactAttribute
{
    public ScaleOutFactAttribute()
    {
        // As BrowserFactAttribute: under CI=true a missing tool throws here and the test fails at discovery.
        Skip = new BrowserFactOnPostgresAttribute().Skip ?? NginxProcess.SkipReason();
    }
}
