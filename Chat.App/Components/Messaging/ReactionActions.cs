namespace Chat.App.Components.Messaging;

/// <summary>The data-action values of a message's reaction buttons, which chat.js hands to the pane.</summary>
internal static class ReactionActions
{
    /// <summary>The toolbar's "Add reaction": opens the pane's picker for that message.</summary>
    public const string OpenPicker = "react-picker";

    private const string TogglePrefix = "react:";

    /// <summary>A reaction under a message: toggles the reader's <paramref name="emoji"/>.</summary>
    public static string Toggle(string emoji) => TogglePrefix + emoji;

    /// <summary>The emoji of a toggle action, or null when <paramref name="action"/> is another one.</summary>
    public static string? EmojiOf(string action) =>
        action.StartsWith(TogglePrefix, StringComparison.Ordinal) ? action[TogglePrefix.Length..] : null;
}
