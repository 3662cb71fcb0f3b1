using System.Globalization;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The address of a message in its channel: the channel page opens there, loads older pages until the message is
/// in the list, scrolls to it and highlights it (MessagePane.LoadThroughAsync). Mentions and pins lead there.
/// </summary>
public static class MessageLink
{
    public static string To(int communityId, int channelId, long messageId) =>
        string.Create(CultureInfo.InvariantCulture, $"servers/{communityId}/channels/{channelId}?message={messageId}");
}
