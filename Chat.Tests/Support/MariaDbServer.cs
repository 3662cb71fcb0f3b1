using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MySql.Data.MySqlClient;

namespace Chat.Tests.Support;

/// <summary>
/// A private, throwaway MariaDB server on a free 127.0.0.1 port, in a folder of its own, so the tests neither need
/// nor disturb a server the machine may run. Installing the data folder costs about 3 s, a database a few ms.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    // A fixed root, so a later run finds and removes servers left behind by a killed run.
    private const string Root = "/tmp/chat-mariadb-tests";
    private const string OsUser = "mysql";
    private const string ServerBinary = "/usr/sbin/mariadbd";
    private const string InstallBinary = "/usr/bin/mysql_install_db";
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(3);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _directory;
    private readonly string _dataDirectory;
    private Process? _process;
    private bool _disposed;
    private bool _durable;

    private MariaDbServer(string directory)
    {
        _directory = directory;
        _dataDirectory = Path.Combine(directory, "data");
        LogFile = Path.Combine(directory, "mariadb.log");
    }

    public int Port { get; private set; }

    /// <summary>mariadbd refuses to run as root unless told which user to be; as anyone else it runs as them.</summary>
    private static bool RunsAsRoot => Environment.UserName == "root";

    private static string[] UserOption => RunsAsRoot ? [$"--user={OsUser}"] : [];

    public string LogFile { get; }

    /// <summary>Whether Debian's mariadb-server is installed (the benchmarks measure on MySQL only then).</summary>
    public static bool IsInstalled => File.Exists(ServerBinary) && File.Exists(InstallBinary);

    /// <summary>The skip reason for tests that need MariaDB (see <see cref="TestEnvironment.SkipReason"/>).</summary>
    public static string? SkipReason() =>
        TestEnvironment.SkipReason(IsInstalled, "MariaDB (mariadbd, mysql_install_db)", "apt-get install -y mariadb-server");

    /// <param name="durable">
    /// Keeps InnoDB's crash safety (a flushed log on every commit, the doublewrite buffer), for tests that kill the
    /// server on purpose; otherwise a commit can be lost in a crash, which is fine for throwaway data and much faster.
    /// </param>
    public static async Task<MariaDbServer> StartAsync(bool durable = false, CancellationToken ct = default)
    {
        RemoveStaleServers();
        Directory.CreateDirectory(Root);
        var server = new MariaDbServer(Path.Combine(Root, Guid.NewGuid().ToString("N"))) { _durable = durable };
        try
        {
            await server.InitializeAsync(ct);
            await server.StartServerAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string? database = null, bool pooling = true) =>
        new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1",
            Port = (uint)Port,
            UserID = "root",
            Database = database ?? "",
            Pooling = pooling,
            SslMode = MySqlSslMode.Disabled,
            // Room for the racing tests' parallel commands, and no long waits when the pool is exhausted.
            MaximumPoolSize = 50,
        }.ConnectionString;

    /// <summary>Creates an empty, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var name = "test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", ct);
        return ConnectionString(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        using (var pooled = new MySqlConnection(connectionString))
        {
            MySqlConnection.ClearPool(pooled);
        }

        var name = new MySqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS `{name}`", CancellationToken.None);
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new MySqlConnection(ConnectionString(pooling: false));
        await connection.OpenAsync(ct);
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Kills mariadbd (SIGKILL, like a crash) but keeps its data, for <see cref="StartAgainAsync"/>.</summary>
    public async Task KillAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the killed server again on the same data and port, so connection strings stay valid.</summary>
    public Task StartAgainAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_process is not null)
        {
            throw new InvalidOperationException("The server is already running.");
        }

        return StartServerAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        TryDeleteDirectory(_directory);
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_directory);
        if (RunsAsRoot)
        {
            // As root, mysql_install_db and mariadbd run as the mysql user, which must own the data and the socket's folder.
            await RunAsync("chown", ["-R", $"{OsUser}:{OsUser}", _directory], ct);
        }

        await RunAsync(
            InstallBinary,
            ["--no-defaults", .. UserOption, "--auth-root-authentication-method=normal", "--skip-test-db",
                $"--datadir={_dataDirectory}"],
            ct);
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        // A server started again keeps its port.
        if (Port == 0)
        {
            Port = FreePort();
        }

        var start = new ProcessStartInfo(ServerBinary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--no-defaults", .. UserOption, $"--datadir={_dataDirectory}",
            $"--port={Port.ToString(CultureInfo.InvariantCulture)}", "--bind-address=127.0.0.1",
            $"--socket={Path.Combine(_directory, "mariadb.sock")}", $"--pid-file={Path.Combine(_directory, "mariadb.pid")}",
            $"--log-error={LogFile}",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
            "--max-connections=1000", "--skip-name-resolve", "--innodb-buffer-pool-size=64M",
            // Throwaway data: no flush to disk on every commit, which makes the schema and the tests much faster.
            .. (_durable ? (string[])[] : ["--innodb-flush-log-at-trx-commit=0", "--innodb-doublewrite=0", "--innodb-flush-method=nosync"]),
        ])
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("mariadbd did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await ExecuteAsync("SELECT 1", ct);
                return;
            }
            catch (MySqlException) when (deadline.Elapsed < StartTimeout && !_process.HasExited)
            {
                await Task.Delay(100, ct);
            }
            catch (MySqlException e)
            {
                var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, ct) : "(no log)";
                throw new InvalidOperationException($"MariaDB did not accept connections on port {Port}: {e.Message}\n{log}", e);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    /// <summary>Removes folders of servers whose process is gone (a killed test run), stopping none that live.</summary>
    private static void RemoveStaleServers()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            var pidFile = Path.Combine(directory, "mariadb.pid");
            if (File.Exists(pidFile)
                && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid)
                && IsMariaDb(pid))
            {
                // A run that was killed leaves its server running; one this old belongs to no live run.
                if (DateTime.UtcNow - Directory.GetCreationTimeUtc(directory) < StaleAfter)
                {
                    continue;
                }

                try
                {
                    using var stale = Process.GetProcessById(pid);
                    stale.Kill();
                    stale.WaitForExit(TimeSpan.FromSeconds(10));
                }
                catch (ArgumentException)
                {
                    // Gone meanwhile.
                }
            }

            // A folder still being installed has no pid file yet: leave young ones alone.
            if (Directory.GetCreationTimeUtc(directory) > DateTime.UtcNow.AddMinutes(-10) && !File.Exists(pidFile))
            {
                continue;
            }

            TryDeleteDirectory(directory);
        }
    }

    private static bool IsMariaDb(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim() == "mariadbd";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort; RemoveStaleServers tries again next run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
