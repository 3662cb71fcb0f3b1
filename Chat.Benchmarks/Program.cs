using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Chat.Benchmarks;
using Chat.Tests.Support;

// Usage (see docs/benchmarks.md):
//   dotnet run -c Release --project Chat.Benchmarks -- --filter '*'          all benchmarks, short job
//   dotnet run -c Release --project Chat.Benchmarks -- --filter '*Send*'     one class
//   dotnet run -c Release --project Chat.Benchmarks -- --quick               smoke run for CI: every benchmark
//       once, in process, on 50x less data; no timing worth reading; exit code 1 if a benchmark fails
//   --no-postgres, --no-mysql                                                 leave that database out
//   --in-process                                                              measure in this process: no generated
//       project to build (its 2-minute build timeout is missed on a machine loaded by other builds)
//   --explain                                                                 print each service call's SQL and
//       the database's plan for it (no measuring)
var quick = args.Contains("--quick");
var explain = args.Contains("--explain");
var noPostgres = args.Contains("--no-postgres");
var noMySql = args.Contains("--no-mysql");
var inProcess = args.Contains("--in-process");
var rest = args.Where(a => a is not "--quick" and not "--no-postgres" and not "--no-mysql" and not "--explain" and not "--in-process")
    .ToList();
if (quick)
{
    Environment.SetEnvironmentVariable(Scale.QuickEnvironmentVariable, "1");
    if (!rest.Any(a => a is "--filter" or "-f"))
    {
        rest.AddRange(["--filter", "*"]);
    }
}

// A --job on the command line (e.g. --job dry) replaces the short job rather than adding to it.
var jobGiven = rest.Any(a => a is "--job" or "-j");

// One cluster and one MariaDB server for the whole run; each benchmark's GlobalSetup (in BenchmarkDotNet's child
// process, which inherits the environment) creates its own database on them.
var servers = new List<IAsyncDisposable>();
if (!noPostgres && PostgresCluster.FindBinDirectory() is not null)
{
    var cluster = await PostgresCluster.StartAsync();
    servers.Add(cluster);
    Environment.SetEnvironmentVariable(BenchDatabase.PostgresEnvironmentVariable, cluster.ConnectionString());
}
else
{
    Console.WriteLine(noPostgres ? "PostgreSQL: off (--no-postgres)." : "PostgreSQL binaries not found: no PostgreSQL.");
}

if (!noMySql && MariaDbServer.IsInstalled)
{
    var mariaDb = await MariaDbServer.StartAsync();
    servers.Add(mariaDb);
    Environment.SetEnvironmentVariable(BenchDatabase.MySqlEnvironmentVariable, mariaDb.ConnectionString());
}
else
{
    Console.WriteLine(noMySql ? "MySQL: off (--no-mysql)." : "MariaDB (mariadbd) not found: no MySQL.");
}

try
{
    if (explain)
    {
        await Explain.RunAsync([.. Providers.Available()]);
        return 0;
    }

    var config = DefaultConfig.Instance;
    if (quick)
    {
        // Every benchmark once, in this process (no generated project to build): proves they run, times nothing.
        config = config.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick"));
    }
    else if (!jobGiven)
    {
        // A 2-core shared machine: a few warmups, ten measured iterations of ~250 ms each, one process.
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)).WithId("Short");
        // In process, a benchmark's setup may take long (seeding 1,000,000 messages): the default 5 minutes is too short.
        config = config.AddJob(inProcess ? job.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)) : job);
    }

    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Providers).Assembly).Run([.. rest], config);
    var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
    return failed ? 1 : 0;
}
finally
{
    await DatabaseBenchmark.DisposeSeededAsync();
    foreach (var server in servers)
    {
        await server.DisposeAsync();
    }
}
