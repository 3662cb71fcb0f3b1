using System.Reflection;
using Chat.Domain.Data;
using Xunit.Sdk;

namespace Chat.Tests.Support;

/// <summary>Runs a theory on a fresh SQLite file; pass the provider to <see cref="TestDatabase.CreateAsync"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}

/// <summary>
/// Runs a theory on a fresh PostgreSQL database in the run's shared private cluster. Skipped when PostgreSQL is
/// not installed, except under CI=true, where the test runs and fails with the reason instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        Skip = SkipReasonOutsideCi();
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Postgres]];

    private static string? SkipReasonOutsideCi()
    {
        try
        {
            return PostgresCluster.SkipReason();
        }
        catch (InvalidOperationException)
        {
            // CI=true and no PostgreSQL. Throwing here would break test discovery rather than fail the tests, so
            // let them run: SharedPostgres asks again and every PostgreSQL test fails with this very message.
            return null;
        }
    }
}

/// <summary>
/// A fact that needs both Chromium and PostgreSQL: skipped on a machine without either, failing under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactOnPostgresAttribute : Xunit.FactAttribute
{
    public BrowserFactOnPostgresAttribute()
    {
        // As BrowserFactAttribute: under CI=true a missing tool throws here and the test fails at discovery.
        Skip = TestEnvironment.SkipReason(
                ChromiumFixture.IsAvailable,
                $"Chromium at {ChromiumFixture.ExecutablePath}",
                "apt-get install -y chromium, or set CHROMIUM_PATH")
            ?? PostgresCluster.SkipReason();
    }
}
