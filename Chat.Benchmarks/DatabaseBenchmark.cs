using BenchmarkDotNet.Attributes;
using Chat.Domain.Data;

namespace Chat.Benchmarks;

/// <summary>
/// A benchmark class measured once per available database, each time on a fresh one that it seeds; or, for a class
/// that <see cref="SeedOnce"/>, on one database per provider seeded by its first case and read by the others, when
/// they run in the same process (--in-process).
/// </summary>
public abstract class DatabaseBenchmark
{
    private static readonly Dictionary<(Type Class, DatabaseProvider Provider), BenchDatabase> Seeded = [];

    public static IEnumerable<DatabaseProvider> ProviderValues => Providers.Available();

    [ParamsSource(nameof(ProviderValues))]
    public DatabaseProvider Provider { get; set; }

    protected BenchDatabase Database { get; private set; } = null!;

    // Synchronous on purpose: BenchmarkDotNet's in-process toolchain (used by --quick) does not wait for a Task
    // returned by [GlobalSetup]/[GlobalCleanup]; it only looked fine on SQLite, whose calls complete synchronously.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    /// <summary>Fills <see cref="Database"/> with what the benchmarks of the class read or write.</summary>
    protected abstract Task SeedAsync();

    /// <summary>True for a class whose benchmarks only read, and whose seeding is too long to repeat for each.</summary>
    protected virtual bool SeedOnce => false;

    /// <summary>For <see cref="SeedOnce"/>: finds again, in a database seeded by an earlier case, what the benchmarks
    /// need (ids kept in fields by <see cref="SeedAsync"/>).</summary>
    protected virtual Task FindSeededAsync() => Task.CompletedTask;

    protected virtual async Task CleanupAsync()
    {
        if (!SeedOnce)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>The databases kept by <see cref="SeedOnce"/> classes, at the end of the run.</summary>
    public static async Task DisposeSeededAsync()
    {
        foreach (var database in Seeded.Values)
        {
            await database.DisposeAsync();
        }

        Seeded.Clear();
    }

    private async Task SetupAsync()
    {
        if (SeedOnce && Seeded.TryGetValue((GetType(), Provider), out var seeded))
        {
            Database = seeded;
            await FindSeededAsync();
            return;
        }

        Database = await BenchDatabase.CreateAsync(Provider);
        await SeedAsync();
        if (SeedOnce)
        {
            Seeded[(GetType(), Provider)] = Database;
        }
    }
}
