using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Chat.Tests.Support;

/// <summary>
/// A private, throwaway PostgreSQL cluster on a free 127.0.0.1 port, so integration tests neither depend on nor
/// disturb whatever PostgreSQL the machine runs. Start one per test collection and give each test its own
/// database with <see cref="CreateDatabaseAsync"/>; initdb costs 1-2 s, a database about 0.2 s.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string User = "chat";
    private const string OsUser = "postgres";

    // A fixed root (rather than Path.GetTempPath()) so a later run can find and remove clusters left by a killed run.
    private const string Root = "/tmp/chat-pg-tests";
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(3);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] StopModes = ["smart", "fast", "immediate"];

    private readonly string _binDirectory;
    private readonly string _directory;
    private readonly string _dataDirectory;
    private readonly string _socketDirectory;
    private bool _running;
    private bool _disposed;

    private bool _durable;

    private PostgresCluster(string binDirectory, string directory)
    {
        _binDirectory = binDirectory;
        _directory = directory;
        _dataDirectory = Path.Combine(directory, "data");
        _socketDirectory = Path.Combine(directory, "sock");
        LogFile = Path.Combine(directory, "postgres.log");
    }

    public int Port { get; private set; }

    public string LogFile { get; }

    public bool IsRunning => _running;

    /// <summary>initdb refuses to run as root, and postgres refuses too, so as root every server binary runs as this OS user.</summary>
    private static bool RunsAsRoot => Environment.UserName == "root";

    /// <summary>The skip reason for tests that need PostgreSQL (see <see cref="TestEnvironment.SkipReason"/>).</summary>
    public static string? SkipReason() =>
        TestEnvironment.SkipReason(FindBinDirectory() is not null, "PostgreSQL binaries", "install postgresql, or set PG_BIN");

    /// <summary>The directory holding initdb and pg_ctl: PG_BIN if set, else the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinDirectory()
    {
        var overridden = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(overridden))
        {
            // An explicit override that is wrong should show up as "not found", not quietly fall back to another version.
            return HasServerBinaries(overridden) ? overridden : null;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(debianRoot)
            .Select(dir => (Dir: dir, Version: ParseVersion(Path.GetFileName(dir))))
            .Where(candidate => candidate.Version is not null)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Dir, "bin"))
            .FirstOrDefault(HasServerBinaries);
    }

    /// <param name="durable">
    /// Keeps PostgreSQL's crash safety (fsync, synchronous commit), for tests that crash the server on purpose;
    /// otherwise a commit can be lost in an immediate stop, which is fine for throwaway data and much faster.
    /// </param>
    public static async Task<PostgresCluster> StartAsync(bool durable = false, CancellationToken ct = default)
    {
        var binDirectory = FindBinDirectory()
            ?? throw new InvalidOperationException(
                "PostgreSQL binaries (initdb, pg_ctl) not found in PG_BIN or /usr/lib/postgresql/*/bin; install postgresql.");

        RemoveStaleClusters();
        CreateSharedRoot();

        var cluster = new PostgresCluster(binDirectory, Path.Combine(Root, Guid.NewGuid().ToString("N"))) { _durable = durable };
        try
        {
            await cluster.InitializeAsync(ct).ConfigureAwait(false);
            await cluster.StartOnFreePortAsync(ct).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = User,
            Database = database,
            Pooling = true,
        }.ConnectionString;

    /// <summary>Creates an empty, uniquely named database (a copy of <paramref name="template"/> if given) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var name = "test_" + Guid.NewGuid().ToString("N");
        var sql = $"CREATE DATABASE {Quote(name)}";
        if (template is not null)
        {
            // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template, and idle pooled
            // connections count; only connections still in use remain the caller's business.
            using (var pooled = new NpgsqlConnection(ConnectionString(template)))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            sql += $" TEMPLATE {Quote(template)}";
        }

        // Unpooled, so this helper leaves no connection behind that a later StopAsync would break.
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString()) { Pooling = false }.ConnectionString;
        var connection = new NpgsqlConnection(admin);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }

        return ConnectionString(name);
    }

    /// <summary>Stops the server but keeps its data, so <see cref="StartAgainAsync"/> can bring it back on the same port.</summary>
    /// <param name="mode">"smart", "fast" (disconnects clients, clean shutdown) or "immediate" (like a crash).</param>
    public async Task StopAsync(string mode = "fast", CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!StopModes.Contains(mode))
        {
            throw new ArgumentException($"Unknown stop mode '{mode}'; use smart, fast or immediate.", nameof(mode));
        }

        await PgCtlAsync(["stop", "-D", _dataDirectory, "-m", mode, "-w"], ct).ConfigureAwait(false);
        _running = false;
    }

    /// <summary>Starts the stopped server again on the same port, so existing connection strings stay valid.</summary>
    public async Task StartAgainAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_running)
        {
            throw new InvalidOperationException("The cluster is already running.");
        }

        await StartServerAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_running || File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            try
            {
                await PgCtlAsync(["stop", "-D", _dataDirectory, "-m", "immediate", "-w"], CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (InvalidOperationException) when (!IsPostmasterAlive(_dataDirectory))
            {
                // Already gone (e.g. a test killed it); nothing left to stop.
            }

            _running = false;
        }

        TryDeleteDirectory(_directory);
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_directory);
        Directory.CreateDirectory(_socketDirectory);
        if (RunsAsRoot)
        {
            // The server writes its data, socket and log here as the postgres user.
            await RunAsync("chown", ["-R", $"{OsUser}:{OsUser}", _directory], asServerUser: false, ct).ConfigureAwait(false);
        }

        // C.UTF-8 rather than the caller's locale: it exists on every Debian, unlike e.g. en_US.UTF-8, and unlike
        // plain C it makes lower()/upper() and ILIKE work on non-ASCII text.
        await RunAsync(
            Path.Combine(_binDirectory, "initdb"),
            ["-D", _dataDirectory, "-A", "trust", "-U", User, "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
            asServerUser: true,
            ct).ConfigureAwait(false);
    }

    private async Task StartOnFreePortAsync(CancellationToken ct)
    {
        // The port is free when picked but could be taken before the server binds it, e.g. by a cluster started
        // in parallel; retry with a new port only in that case.
        for (var attempt = 1; ; attempt++)
        {
            Port = PickFreePort();
            try
            {
                await StartServerAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
            }
        }
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        // Durability is pointless for throwaway data and fsync dominates test time, unless a test crashes the server.
        var durability = _durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var options = string.Create(
            CultureInfo.InvariantCulture,
            $"-k {_socketDirectory} -p {Port} -h 127.0.0.1{durability}");
        await PgCtlAsync(["start", "-D", _dataDirectory, "-o", options, "-l", LogFile, "-w", "-t", "60"], ct)
            .ConfigureAwait(false);
        _running = true;
    }

    private Task PgCtlAsync(IReadOnlyList<string> arguments, CancellationToken ct) =>
        RunAsync(Path.Combine(_binDirectory, "pg_ctl"), arguments, asServerUser: true, ct);

    private async Task RunAsync(string fileName, IReadOnlyList<string> arguments, bool asServerUser, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user must be able to enter the working directory (the caller's may be /root).
            WorkingDirectory = Directory.Exists(_directory) ? _directory : Path.GetTempPath(),
        };
        if (asServerUser && RunsAsRoot)
        {
            startInfo.FileName = "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(OsUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var commandLine = $"{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CommandTimeout);
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start: {commandLine}");
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new InvalidOperationException(
                $"Timed out after {CommandTimeout.TotalSeconds:0} s: {commandLine}\n{LogTail()}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Exit code {process.ExitCode}: {commandLine}\n{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}\n{LogTail()}");
        }
    }

    private string LogTail()
    {
        try
        {
            if (!File.Exists(LogFile))
            {
                return $"(no server log at {LogFile})";
            }

            var lines = File.ReadAllLines(LogFile);
            return $"Last lines of {LogFile}:\n" + string.Join('\n', lines.TakeLast(30));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(could not read {LogFile}: {e.Message})";
        }
    }

    private static void CreateSharedRoot()
    {
        if (Directory.Exists(Root))
        {
            return;
        }

        // Sticky and world-writable like /tmp, so root (CI) and a developer account can both use it.
        Directory.CreateDirectory(Root);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            const UnixFileMode all = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(Root, all | UnixFileMode.StickyBit);
        }
        catch (UnauthorizedAccessException)
        {
            // Another user created it in the meantime; it is theirs to set up.
        }
    }

    /// <summary>Best effort: a killed test run leaves its clusters behind, so old ones whose server is gone are removed.</summary>
    private static void RemoveStaleClusters()
    {
        try
        {
            if (!Directory.Exists(Root))
            {
                return;
            }

            foreach (var directory in Directory.EnumerateDirectories(Root))
            {
                var old = DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > StaleAfter;
                if (old && !IsPostmasterAlive(Path.Combine(directory, "data")))
                {
                    TryDeleteDirectory(directory);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Housekeeping must never fail a test run.
        }
    }

    private static bool IsPostmasterAlive(string dataDirectory)
    {
        try
        {
            var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
            if (!File.Exists(pidFile))
            {
                return false;
            }

            // The first line of postmaster.pid is the server's process id.
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                && Directory.Exists($"/proc/{pid}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cannot tell; assume it runs rather than delete a live cluster.
            return true;
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover directory is removed by a later run (see RemoveStaleClusters).
        }
    }

    private static int PickFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool HasServerBinaries(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
