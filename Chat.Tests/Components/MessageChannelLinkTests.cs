using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Messages;

namespace Chat.Tests.Components;

/// <summary>"#name" in a message: a link to that channel of the server, and only to an existing one of it.</summary>
public sealed class MessageChannelLinkTests
{
    private static readonly ChannelLinks Channels = new(7, [
        new ChannelView(11, 7, "general", null),
        new ChannelView(12, 7, "off_topic", null),
        new ChannelView(13, 7, "canción", null),
        new ChannelView(99, 8, "elsewhere", null),
    ]);

    [Theory]
    [InlineData("see #general", "general", 11)]
    [InlineData("#general", "general", 11)]
    [InlineData("see #general.", "general", 11)]
    [InlineData("(#general)", "general", 11)]
    [InlineData("see #General", "General", 11)]
    [InlineData("over in #off_topic please", "off_topic", 12)]
    [InlineData("**#general**", "general", 11)]
    [InlineData("#canción!", "canción", 13)]
    public void ToHtml_NameOfAChannelOfTheServer_LinksToIt(string text, string shown, int channelId)
    {
        var html = MessageMarkdown.ToHtml(text, Channels);

        Assert.Contains($"<a href=\"servers/7/channels/{channelId}\" class=\"channel-link\">#{shown}</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("see #nowhere")]
    [InlineData("see #elsewhere")]
    [InlineData("issue#general")]
    [InlineData("`#general`")]
    [InlineData("[#general](https://example.test/x)")]
    [InlineData("https://example.test/#general")]
    [InlineData("#generally")]
    public void ToHtml_AnythingElse_StaysAsWritten(string text)
    {
        var html = MessageMarkdown.ToHtml(text, Channels);

        Assert.DoesNotContain("servers/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("channel-link", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_MarkupAroundAChannelName_StaysText()
    {
        var html = MessageMarkdown.ToHtml("<b onmouseover=alert(1)>#general</b><script>x</script>", Channels);

        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b onmouseover=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_TwoNamesAndTextBetween_KeepsAllTheText()
    {
        var html = MessageMarkdown.ToHtml("from #general to #canción, ok", Channels);

        Assert.Equal(
            "<p>from <a href=\"servers/7/channels/11\" class=\"channel-link\">#general</a> to "
            + "<a href=\"servers/7/channels/13\" class=\"channel-link\">#canción</a>, ok</p>\n",
            html);
    }

    [Fact]
    public void ToHtml_OneViewSeenByReadersOfTheSameChannels_IsRenderedOnce()
    {
        var view = new MessageView(1, 11, "u", "ana", "Ana", "see #general", DateTime.UtcNow, null);
        var sameChannels = new ChannelLinks(7, [new ChannelView(11, 7, "general", null), new ChannelView(12, 7, "off_topic", null), new ChannelView(13, 7, "canción", null)]);
        var renamed = new ChannelLinks(7, [new ChannelView(11, 7, "lobby", null)]);

        var first = MessageMarkdown.ToHtml(view, Channels);
        var second = MessageMarkdown.ToHtml(view, sameChannels);
        var afterRename = MessageMarkdown.ToHtml(view, renamed);

        Assert.Same(first, second);
        Assert.Contains("channel-link", first, StringComparison.Ordinal);
        Assert.DoesNotContain("channel-link", afterRename, StringComparison.Ordinal);
    }
}
