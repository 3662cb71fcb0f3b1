namespace Chat.App.Components.Messaging;

/// <summary>The data-action values of the pin buttons in a message's toolbar and in a "pinned a message" line.</summary>
internal static class PinActions
{
    public const string Pin = "pin";

    public const string Unpin = "unpin";

    /// <summary>"See all pinned messages" in a line: opens the channel's pinned list.</summary>
    public const string List = "pins";

    /// <summary>"a message" in a line: jumps to the message that was pinned.</summary>
    public const string Jump = "pinned-jump";

    public static bool IsPinAction(string action) => action is Pin or Unpin or List or Jump;
}
