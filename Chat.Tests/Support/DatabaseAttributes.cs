using System.Reflection;
using Chat.Domain.Data;
using Xunit.Sdk;

namespace Chat.Tests.Support;

/// <summary>
/// Runs a theory on a fresh SQLite file; pass the provider to <see cref="TestDatabase.CreateAsync"/>. With
/// <see cref="Each"/>, once per item of that static property of the test class, the item as second argument.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public string? Each { get; set; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        DatabaseRows.For(DatabaseProvider.Sqlite, testMethod, Each);
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

    /// <summary>As <see cref="OnSqliteAttribute.Each"/>.</summary>
    public string? Each { get; set; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        DatabaseRows.For(DatabaseProvider.Postgres, testMethod, Each);

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
/// Runs a theory on a fresh MariaDB database in the run's shared private server. Skipped when MariaDB is not
/// installed, except under CI=true, where the test runs and fails with the reason instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnMySqlAttribute : DataAttribute
{
    public OnMySqlAttribute()
    {
        try
        {
            Skip = MariaDbServer.SkipReason();
        }
        catch (InvalidOperationException)
        {
            // CI=true and no MariaDB: as OnPostgres, let the tests run and fail in SharedMariaDb with the reason.
            Skip = null;
        }
    }

    /// <summary>As <see cref="OnSqliteAttribute.Each"/>.</summary>
    public string? Each { get; set; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        DatabaseRows.For(DatabaseProvider.MySql, testMethod, Each);
}

internal static class DatabaseRows
{
    public static IEnumerable<object[]> For(DatabaseProvider provider, MethodInfo testMethod, string? each)
    {
        if (each is null)
        {
            return [[provider]];
        }

        var items = testMethod.DeclaringType?.GetProperty(each, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?.GetValue(null) as System.Collections.IEnumerable
            ?? throw new InvalidOperationException($"{testMethod.DeclaringType?.Name} has no static property {each} to run the theory for each item of.");
        return items.Cast<object>().Select(item => new[] { provider, item });
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

/// <summary>
/// A fact that needs both Chromium and MariaDB: skipped on a machine without either, failing under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactOnMySqlAttribute : Xunit.FactAttribute
{
    public BrowserFactOnMySqlAttribute()
    {
        // As BrowserFactOnPostgresAttribute.
        Skip = TestEnvironment.SkipReason(
                ChromiumFixture.IsAvailable,
                $"Chromium at {ChromiumFixture.ExecutablePath}",
                "apt-get install -y chromium, or set CHROMIUM_PATH")
            ?? MariaDbServer.SkipReason();
    }
}
