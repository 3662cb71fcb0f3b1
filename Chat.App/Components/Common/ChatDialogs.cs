using MudBlazor;

namespace Chat.App.Components.Common;

/// <summary>How every dialog of the app opens: Escape and a click beside it close it, and the focus goes back to the
/// control that opened it (MudBlazor's focus trap, and wwwroot/js/dialog-return.js where that trap lost it).</summary>
public static class ChatDialogs
{
    public static DialogOptions Options { get; } = new()
    {
        CloseOnEscapeKey = true,
        BackdropClick = true,
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
    };

    /// <summary>Asks before something that cannot be undone; true once <paramref name="action"/> succeeded.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string confirmText,
        RenderFragment body, Func<Task> action)
    {
        var dialog = await dialogs.ShowConfirmAsync(title, confirmText, body, action);
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>Opens the confirmation without waiting for it, for callers that must return at once (a script's
    /// call); <paramref name="action"/> does all that follows a success.</summary>
    public static Task<IDialogReference> ShowConfirmAsync(this IDialogService dialogs, string title, string confirmText,
        RenderFragment body, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.ConfirmText, confirmText },
            { d => d.Body, body },
            { d => d.Action, action },
        };
        return dialogs.ShowAsync<ConfirmDialog>(title, parameters, Options);
    }
}
