using Microsoft.JSInterop;

namespace Chat.App.Components.Common;

/// <summary>
/// What a component that uses one of the app's script modules (wwwroot/js) does around it: its work after a render,
/// and the end.
/// </summary>
internal static class ScriptModules
{
    /// <summary>
    /// Runs a component's script work after a render: loading its module, attaching it to the component's elements.
    /// On a slow connection the user may leave the page while that work waits on the browser. The component is then
    /// disposed, and the work that follows meets a released module or finds its elements gone. That is no error of
    /// the page the user went to, which the error boundary around it would otherwise replace with an apology. What
    /// arrived after the disposal (a module, a reference to the component) is released by
    /// <paramref name="releaseAsync"/>.
    /// </summary>
    public static async Task RunUnlessDisposedAsync(Func<Task> work, Func<bool> isDisposed, Func<Task> releaseAsync)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(isDisposed);
        ArgumentNullException.ThrowIfNull(releaseAsync);
        try
        {
            await work();
        }
        catch (ObjectDisposedException) when (isDisposed())
        {
        }
        catch (JSException) when (isDisposed())
        {
        }

        if (isDisposed())
        {
            await releaseAsync();
        }
    }

    /// <summary>
    /// Releases the module, if one was imported. When the tab is already gone, the module went with it: there is
    /// nothing left to release.
    /// </summary>
    public static async ValueTask DisposeQuietlyAsync(this IJSObjectReference? module)
    {
        if (module is null)
        {
            return;
        }

        try
        {
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}
