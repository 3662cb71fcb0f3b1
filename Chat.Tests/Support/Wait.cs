namespace Chat.Tests.Support;

/// <summary>For what happens on another thread or instance: poll until it holds, fail with what was awaited.</summary>
public static class Wait
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task UntilAsync(Func<bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(() => Task.FromResult(condition()), what);
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting for {what}.");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
