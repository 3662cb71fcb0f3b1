using Microsoft.JSInterop;

namespace Chat.App.Components.Common;

/// <summary>What a component that imported one of the app's script modules (wwwroot/js) does with it at the end.</summary>
internal static class ScriptModules
{
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
