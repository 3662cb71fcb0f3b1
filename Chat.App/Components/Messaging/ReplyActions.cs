namespace Chat.App.Components.Messaging;

/// <summary>The data-action values of a message's reply buttons, which chat.js hands to the pane.</summary>
internal static class ReplyActions
{
    /// <summary>The toolbar's "Reply" (and the R key on a message): the composer replies to that message.</summary>
    public const string Reply = "reply";

    /// <summary>The quote above a reply: jumps to the original, as a mention opened from the inbox does.</summary>
    public const string JumpToOriginal = "reply-jump";
}
