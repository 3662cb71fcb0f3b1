using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Chat.Tests.Support;

/// <summary>
/// Debian's nginx in front of app instances, running the documented configuration (docs/nginx/chat.conf, copied
/// next to the tests) with only its addresses replaced: the instances' ports and a free 127.0.0.1 port to listen
/// on. Its pid, logs and temporary files stay in a directory of its own, so it neither needs nor touches
/// /etc/nginx, /var/lib/nginx or an nginx the machine runs.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    // The addresses docs/nginx/chat.conf is written for; each must be in it exactly once.
    private const string DocumentedListen = "listen 80;";
    private static readonly string[] DocumentedInstances = ["server 127.0.0.1:5001 ", "server 127.0.0.1:5002 "];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder output = new();

    private NginxProcess(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    /// <summary>NGINX_PATH if set; else Debian's binary, which is not on a normal user's PATH.</summary>
    public static string ExecutablePath { get; } =
        Environment.GetEnvironmentVariable("NGINX_PATH") is { Length: > 0 } path ? path : "/usr/sbin/nginx";

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>What nginx wrote (its error log goes to stderr), for failure messages.</summary>
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

    /// <summary>The skip reason for tests that need nginx (see <see cref="TestEnvironment.SkipReason"/>).</summary>
    public static string? SkipReason() =>
        TestEnvironment.SkipReason(File.Exists(ExecutablePath), $"nginx at {ExecutablePath}", "apt-get install -y nginx, or set NGINX_PATH");

    /// <summary>Starts nginx in front of the instances on <paramref name="instancePorts"/>; returns once it accepts connections.</summary>
    public static async Task<NginxProcess> StartAsync(IReadOnlyList<int> instancePorts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(instancePorts);
        if (instancePorts.Count != DocumentedInstances.Length)
        {
            throw new ArgumentException($"docs/nginx/chat.conf names {DocumentedInstances.Length} instances.", nameof(instancePorts));
        }

        var directory = Directory.CreateTempSubdirectory("scaleout-nginx-").FullName;
        var port = FreePort();
        var site = Path.Combine(directory, "chat.conf");
        await File.WriteAllTextAsync(site, SiteConfiguration(port, instancePorts), ct);
        var main = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(main, MainConfiguration(directory, site), ct);

        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", directory, "-c", main, "-e", "stderr", "-g", "daemon off;" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var nginx = new NginxProcess(
            Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}."), directory, port);
        nginx.process.OutputDataReceived += (_, e) => nginx.Append(e.Data);
        nginx.process.ErrorDataReceived += (_, e) => nginx.Append(e.Data);
        nginx.process.BeginOutputReadLine();
        nginx.process.BeginErrorReadLine();
        try
        {
            await nginx.WaitUntilListeningAsync(ct);
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // The workers too: they would keep serving the port if only the master went.
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is under the temporary directory.
        }
    }

    /// <summary>The documented site configuration with the test's addresses, checked to still have the ones it replaces.</summary>
    private static string SiteConfiguration(int port, IReadOnlyList<int> instancePorts)
    {
        var documented = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ScaleOut", "chat.conf"));
        var replacements = DocumentedInstances
            .Select((address, i) => (address, string.Create(CultureInfo.InvariantCulture, $"server 127.0.0.1:{instancePorts[i]} ")))
            .Prepend((DocumentedListen, string.Create(CultureInfo.InvariantCulture, $"listen 127.0.0.1:{port};")));
        foreach (var (from, to) in replacements)
        {
            var count = documented.Split(from).Length - 1;
            if (count != 1)
            {
                throw new InvalidOperationException(
                    $"docs/nginx/chat.conf should contain '{from}' once, not {count} times; update {nameof(NginxProcess)} with it.");
            }

            documented = documented.Replace(from, to, StringComparison.Ordinal);
        }

        return documented;
    }

    /// <summary>
    /// What Debian's /etc/nginx/nginx.conf provides around the site file, reduced to what a proxy needs, with every
    /// path nginx writes inside <paramref name="directory"/>.
    /// </summary>
    private static string MainConfiguration(string directory, string site)
    {
        // nginx started by root runs its workers as "nobody", who cannot write into a directory only root can enter.
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        return $$"""
            {{user}}worker_processes 1;
            pid {{directory}}/nginx.pid;

            events {
                worker_connections 512;
            }

            http {
                access_log {{directory}}/access.log;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;

                include {{site}};
            }
            """;
    }

    private async Task WaitUntilListeningAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, ct);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, ct);
            }
            catch (SocketException e)
            {
                throw new TimeoutException($"nginx did not listen on port {Port} within {StartTimeout.TotalSeconds:0} s:\n{Output}", e);
            }
        }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
