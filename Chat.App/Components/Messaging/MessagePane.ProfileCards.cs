using Chat.App.Components.Profiles;

namespace Chat.App.Components.Messaging;

/// <summary>What chat.js passes for a click on a message author's name or picture (see MessageItem.razor).</summary>
internal static class ProfileCardActions
{
    /// <summary>Opens the author's profile card.</summary>
    public const string Open = "profile";
}

/// <summary>The pane's part of profile cards: a click on an author's name or picture opens their card.</summary>
public sealed partial class MessagePane
{
    // The channel's server is the one whose role the card shows; the domain checks that the reader belongs to it.
    private async Task OpenProfileCardAsync(MessageView message)
    {
        if (Channel is { } channel)
        {
            await Dialogs.ShowProfileCardAsync(channel.CommunityId, message.AuthorId, message.AuthorDisplayName);
        }
    }
}
