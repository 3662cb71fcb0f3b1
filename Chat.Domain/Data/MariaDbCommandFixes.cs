using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Domain.Data;

/// <summary>
/// Two statements that Oracle's MySql.EntityFrameworkCore 10.0.12 writes for MySQL 8 and that MariaDB refuses,
/// rewritten to forms both servers accept. Each rewrite matches only the provider's exact text, so anything else
/// passes untouched; tests on MariaDB cover both (ChatDatabaseTests, and every ExecuteDelete's service test).
/// </summary>
public sealed partial class MariaDbCommandFixes : DbCommandInterceptor
{
    public static readonly MariaDbCommandFixes Instance = new();

    /// <summary>Long enough for another instance's whole migration.</summary>
    internal const int MigrationLockTimeoutSeconds = 600;

    /// <summary>
    /// Every command passes here once, after EF wrote its text and before it runs, whether it is read as rows, as a
    /// scalar or not at all, synchronously or not.
    /// </summary>
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        result.CommandText = Rewrite(result.CommandText);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        WidenLockAnswer(command, result);

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(WidenLockAnswer(command, result));

    internal static string Rewrite(string sql)
    {
        // Bug 1: the migration lock is GET_LOCK('__EFMigrationsLock',-1), "wait forever". MariaDB answers NULL to a
        // negative timeout, and Migrate() fails with "InvalidCastException: DBNull to Int64"
        // (MySQLHistoryRepository.AcquireDatabaseLock). A positive timeout works on both servers (and the answer is
        // widened to the long the provider unboxes, in ScalarExecuted).
        if (sql.Contains(NegativeLockTimeout, StringComparison.Ordinal))
        {
            return sql.Replace(NegativeLockTimeout, PositiveLockTimeout, StringComparison.Ordinal);
        }

        // Bug 2: ExecuteDelete writes "DELETE FROM `T` AS `t` WHERE ...", an alias MySQL accepts since 8.0.16 and
        // MariaDB refuses (error 1064). The multi-table form "DELETE `t` FROM `T` AS `t` WHERE ..." means the same
        // on both.
        return AliasedDelete().Replace(sql, "DELETE $2 FROM $1 AS $2", 1);
    }

    private const string NegativeLockTimeout = "GET_LOCK('__EFMigrationsLock',-1)";

    private static readonly string PositiveLockTimeout =
        $"GET_LOCK('__EFMigrationsLock',{MigrationLockTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    /// <summary>MariaDB answers GET_LOCK with an INT where MySQL gives a BIGINT, and the provider unboxes a long.</summary>
    internal static object? WidenLockAnswer(DbCommand command, object? result) =>
        result is int answer && command.CommandText.Contains(PositiveLockTimeout, StringComparison.Ordinal)
            ? (long)answer
            : result;

    [GeneratedRegex(@"^DELETE FROM (`[^`]+`) AS (`[^`]+`)")]
    private static partial Regex AliasedDelete();
}
