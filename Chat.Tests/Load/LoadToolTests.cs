using System.Diagnostics;
using System.Text.Json;
using Chat.Tests.Support;

namespace Chat.Tests.Load;

/// <summary>
/// The load tool, run once small the way a developer runs it (its own process, its own app, database and
/// browser), so that it cannot rot. It asserts what its user relies on, never how fast anything was.
/// </summary>
public sealed class LoadToolTests
{
    // Far above what the run needs (about 40 s); the tool's own time bound ends it before this.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [BrowserFact]
    public Task LoadTool_SmallRun_EndsByItselfWithEveryMessageDeliveredAndATable() => SmallRunAsync("sqlite");

    /// <summary>The same run on a MariaDB server that the tool starts and removes by itself.</summary>
    [BrowserFactOnMySql]
    public Task LoadTool_SmallRunOnMySql_EndsByItselfWithEveryMessageDeliveredAndATable() => SmallRunAsync("mysql");

    [Fact]
    public async Task LoadTool_TwoInstancesOnMySql_RefusesAndSaysPostgresIsNeeded()
    {
        var (exitCode, output) = await RunLoadToolAsync("--db", "mysql", "--instances", "2");

        Assert.Equal(2, exitCode);
        Assert.Contains("--instances 2 needs --db postgres", output, StringComparison.Ordinal);
    }

    private static async Task SmallRunAsync(string database)
    {
        var json = Path.Combine(Path.GetTempPath(), $"load-tool-test-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = await RunLoadToolAsync(
                "--users", "20", "--db", database, "--rate", "10", "--seconds", "2", "--rounds", "2", "--browsers", "1",
                "--json", json);

            Assert.True(exitCode == 0, $"Chat.Load exited with {exitCode}:\n{output}");
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = report.RootElement;
            Assert.Equal("completed", root.GetProperty("outcome").GetString());
            Assert.Equal(19, root.GetProperty("protocolCircuits").GetInt32());
            Assert.Equal(1, root.GetProperty("browserPages").GetInt32());
            var rounds = root.GetProperty("rounds").EnumerateArray().ToList();
            Assert.Equal(["chat", "baseline", "chat", "baseline"], rounds.Select(r => r.GetProperty("kind").GetString()));
            foreach (var round in rounds)
            {
                // Every other member got every message: 20 messages to 18 other protocol circuits, or to 20 sockets.
                var kind = round.GetProperty("kind").GetString();
                Assert.Equal(kind == "chat" ? 20 * 18 : 20 * 20, round.GetProperty("expected").GetInt64());
                Assert.Equal(round.GetProperty("expected").GetInt64(), round.GetProperty("received").GetInt64());
            }

            foreach (var chat in rounds.Where(r => r.GetProperty("kind").GetString() == "chat"))
            {
                Assert.Equal(0, chat.GetProperty("sendFailures").GetInt32());
                Assert.Equal(20, chat.GetProperty("browserExpected").GetInt64());
                Assert.Equal(20, chat.GetProperty("browserReceived").GetInt64());
            }

            Assert.Contains("| delivery p99, ms |", output, StringComparison.Ordinal);
            Assert.Contains("| Chromium pages, post to DOM", output, StringComparison.Ordinal);
            Assert.Contains("| app working set per circuit |", output, StringComparison.Ordinal);
            Assert.Contains("| deliveries lost (not there after the drain) | 0 of 720 | 0 of 800 |", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunLoadToolAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = BuildOutput.RepositoryRoot,
        };
        startInfo.ArgumentList.Add(BuildOutput.Assembly("Chat.Load"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chat.Load did not end within {Limit}:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
