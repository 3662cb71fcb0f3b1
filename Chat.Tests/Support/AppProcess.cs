using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chat.Tests.Support;

/// <summary>
/// The app as a real child process (<c>dotnet Chat.App.dll</c>), for the tests that kill it: WebApplicationFactory
/// runs the app inside the test process, which a SIGKILL would take down too. Development environment and the
/// Chat.App project folder as content root, as <c>dotnet run</c> has them, so static web assets are served.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, int port, IReadOnlyDictionary<string, string> environment)
    {
        this.process = process;
        Port = port;
        Environment = environment;
    }

    public int Port { get; }

    /// <summary>The child's process id, e.g. for reading its memory from /proc.</summary>
    public int ProcessId => process.Id;

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the process was started with, for starting it again on the same database.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Everything the app wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the app on 127.0.0.1 (a free port unless <paramref name="port"/> is given) with configuration from
    /// environment variables (e.g. <c>Database__Provider</c>); returns once it answers HTTP.
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        IReadOnlyDictionary<string, string> environment, int? port = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (appDll, projectFolder) = Locate();
        var chosenPort = port ?? FreePort();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = projectFolder,
        };
        foreach (var argument in new[]
        {
            appDll, "--urls", $"http://127.0.0.1:{chosenPort}", "--contentRoot", projectFolder,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every browser of a test registers from one address (127.0.0.1, or nginx's forwarded one).
        startInfo.Environment["Auth__RegistrationPostsPerHour"] = "100000";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {appDll}.");
        var app = new AppProcess(process, chosenPort, environment);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilAnsweringAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown, no flushing, like a crash or the OOM killer.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            // On Unix Process.Kill sends SIGKILL.
            process.Kill();
        }

        await process.WaitForExitAsync();
    }

    /// <summary>Starts the app again with the same configuration on the same port, so open pages can find it.</summary>
    public Task<AppProcess> StartAgainAsync(CancellationToken ct = default)
    {
        if (!process.HasExited)
        {
            throw new InvalidOperationException("The app is still running.");
        }

        return StartAsync(Environment, Port, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl, "account/login"), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Listening but still starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not answer within {StartTimeout.TotalSeconds:0} s:\n{Output}");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>
    /// The app's own build output (the same configuration as the caller), and the project folder as content root:
    /// its wwwroot and the static web assets manifest are there.
    /// </summary>
    private static (string AppDll, string ProjectFolder) Locate()
    {
        var appDll = BuildOutput.Assembly("Chat.App");
        if (!File.Exists(appDll))
        {
            // The test project references the app, so a copy sits next to the tests as well.
            appDll = Path.Combine(AppContext.BaseDirectory, "Chat.App.dll");
        }

        return (appDll, BuildOutput.ProjectFolder("Chat.App"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
