using BenchmarkDotNet.Attributes;
using Chat.Domain.Data;

namespace Chat.Benchmarks;

/// <summary>A benchmark class measured once per available database, each time on a fresh one that it seeds.</summary>
public abstract class DatabaseBenchmark
{
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

    protected virtual async Task CleanupAsync() => await Database.DisposeAsync();

    private async Task SetupAsync()
    {
        Database = await BenchDatabase.CreateAsync(Provider);
        await SeedAsync();
    }
}
