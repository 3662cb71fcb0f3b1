using System.Data.Common;
using System.Globalization;
using Chat.Domain.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Benchmarks;

/// <summary>
/// <c>--explain</c>: runs each benchmark once on seeded data and prints the SQL that EF Core sent, each statement
/// followed by the database's plan for it (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN ANALYZE, MySQL EXPLAIN), with the
/// statement's own parameters. Shows whether a query reads through an index or scans.
/// </summary>
public static class Explain
{
    public static async Task RunAsync(IReadOnlyList<DatabaseProvider> providers)
    {
        var capture = new CommandCapture();
        BenchDatabase.ExtraInterceptor = capture;
        foreach (var provider in providers)
        {
            var history = new ChannelHistoryBenchmarks { Provider = provider };
            await ShowAsync(provider, capture, history.Setup, history.Cleanup, [
                ("GetLatestAsync, small channel", history.Newest50_SmallChannel),
                ("GetLatestAsync, large channel", history.Newest50_LargeChannel),
            ]);
            var search = new ServerSearchBenchmarks { Provider = provider };
            await ShowAsync(provider, capture, search.Setup, search.Cleanup, [
                ("SearchAsync, term matching 1%", search.Search_OnePercent),
                ("SearchAsync, empty query", search.Search_Browse),
            ]);
            var unread = new UnreadBenchmarks { Provider = provider };
            await ShowAsync(provider, capture, unread.Setup, unread.Cleanup, [
                ("GetUnreadAsync, 10% unread", unread.Unread_Behind),
                ("GetMentionCountsAsync", unread.MentionCounts_Behind),
            ]);
            var send = new SendBenchmarks { Provider = provider };
            await ShowAsync(provider, capture, send.Setup, send.Cleanup, [("SendAsync", send.Send)]);
        }
    }

    private static async Task ShowAsync(
        DatabaseProvider provider, CommandCapture capture, Action setup, Action cleanup, (string Name, Func<Task> Run)[] calls)
    {
        setup();
        try
        {
            foreach (var (name, run) in calls)
            {
                await run(); // warm: the first call also compiles the query
                capture.Commands.Clear();
                capture.Enabled = true;
                await run();
                capture.Enabled = false;
                Console.WriteLine($"==== {provider}: {name} ====");
                foreach (var command in capture.Commands.ToList())
                {
                    Console.WriteLine(command.Text);
                    Console.WriteLine("-- plan:");
                    foreach (var line in await PlanAsync(provider, command))
                    {
                        Console.WriteLine("   " + line);
                    }

                    Console.WriteLine();
                }
            }
        }
        finally
        {
            cleanup();
        }
    }

    private static async Task<List<string>> PlanAsync(DatabaseProvider provider, CapturedCommand captured)
    {
        if (captured.Text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
            || captured.Text.Contains("INSERT", StringComparison.OrdinalIgnoreCase))
        {
            return ["(not explained: a write)"];
        }

        // The service's own connection is closed by now; open another to the same database.
        await using var connection = (DbConnection)Activator.CreateInstance(captured.ConnectionType)!;
        connection.ConnectionString = captured.ConnectionString;
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = provider switch
        {
            DatabaseProvider.Sqlite => "EXPLAIN QUERY PLAN ",
            DatabaseProvider.Postgres => "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ",
            // Plain EXPLAIN: MySQL 8 and MariaDB agree on it (EXPLAIN ANALYZE is MySQL's, ANALYZE SELECT MariaDB's).
            _ => "EXPLAIN ",
        } + captured.Text;
        foreach (var (name, value) in captured.Parameters)
        {
            var parameter = explain.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            explain.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // SQLite: id, parent, notused, detail; PostgreSQL: one text column; MySQL: a row per table read, with
            // its access type, key, estimated rows and extra notes.
            lines.Add(provider == DatabaseProvider.MySql
                ? string.Join("  ", Enumerable.Range(0, reader.FieldCount).Where(i => !reader.IsDBNull(i))
                    .Select(i => $"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}"))
                : Convert.ToString(reader.GetValue(reader.FieldCount - 1), CultureInfo.InvariantCulture) ?? "");
        }

        return lines;
    }

    private sealed record CapturedCommand(
        string Text, List<(string Name, object Value)> Parameters, Type ConnectionType, string ConnectionString);

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public bool Enabled { get; set; }

        public List<CapturedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command)
        {
            if (Enabled)
            {
                Commands.Add(new CapturedCommand(
                    command.CommandText,
                    command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value)).ToList(),
                    command.Connection!.GetType(),
                    command.Connection.ConnectionString));
            }
        }
    }
}
