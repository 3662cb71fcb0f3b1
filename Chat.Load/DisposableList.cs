namespace Chat.Load;

/// <summary>A list that disposes all its items together: the app instances, the circuits.</summary>
internal sealed class DisposableList<T> : List<T>, IAsyncDisposable
    where T : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(this.Select(item => item.DisposeAsync().AsTask()));
        Clear();
    }
}
