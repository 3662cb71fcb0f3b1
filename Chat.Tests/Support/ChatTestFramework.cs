using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Chat.Tests.Support.ChatTestFramework", "Chat.Tests")]

namespace Chat.Tests.Support;

/// <summary>
/// xunit's own framework plus one step at the very end of the run: stopping the shared PostgreSQL cluster and MariaDB server.
/// xunit 2 has no assembly fixtures, and the obvious places are too late: `dotnet test` kills the test host while
/// a ProcessExit handler, or the framework's Dispose (which xunit starts without waiting), still waits for pg_ctl,
/// and the cluster's files stay behind. The assembly runner's last step runs before the run is reported finished.
/// </summary>
public sealed class ChatTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(
        AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            try
            {
                await SharedPostgres.StopAsync();
            }
            catch (InvalidOperationException e)
            {
                // Clean-up must not fail a green run; a later run removes what is left (PostgresCluster).
                DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"Could not stop the shared PostgreSQL cluster: {e.Message}"));
            }

            await SharedMariaDb.StopAsync();

            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
