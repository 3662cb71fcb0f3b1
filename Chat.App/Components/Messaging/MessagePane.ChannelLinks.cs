namespace Chat.App.Components.Messaging;

/// <summary>The pane's part of channel links: which <c>#name</c> in a message leads to a channel of this server.</summary>
public sealed partial class MessagePane
{
    private ChannelLinks channelLinks = ChannelLinks.None;

    /// <summary>The server's channels, kept live by the page; a <c>#name</c> that is one of them becomes a link.</summary>
    [Parameter]
    public IReadOnlyList<ChannelView> Channels { get; set; } = [];

    /// <summary>
    /// The channels by name, made again only when they changed (the page hands over the same list, changed in place).
    /// Messages already drawn keep their links until they are drawn again.
    /// </summary>
    internal ChannelLinks ChannelLinks
    {
        get
        {
            var communityId = Channel?.CommunityId ?? 0;
            if (channelLinks.CommunityId != communityId || channelLinks.Count != Channels.Count
                || Channels.Any(c => channelLinks.UrlOf(c.Name) is null))
            {
                channelLinks = new ChannelLinks(communityId, Channels);
            }

            return channelLinks;
        }
    }
}
