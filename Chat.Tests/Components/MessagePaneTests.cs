using Bunit;
using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Messages;

namespace Chat.Tests.Components;

public sealed class MessagePaneTests : BunitContext
{
    private static readonly ChannelView General = new(7, 1, "general", null);

    [Fact]
    public void Render_WithoutChannel_HasAnEmptyLogAndADisabledComposer()
    {
        var pane = Render<MessagePane>();

        var log = pane.Find("[role='log'][aria-label='Messages']");
        Assert.Contains("Nothing to read here yet", log.TextContent, StringComparison.Ordinal);
        Assert.True(pane.Find("textarea[aria-label='Message']").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_EmptyChannel_SaysNoMessagesYet()
    {
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, General));

        var log = pane.Find("[role='log']");
        Assert.Contains("No messages yet", log.TextContent, StringComparison.Ordinal);
        var composer = pane.Find("textarea[aria-label='Message']");
        Assert.False(composer.HasAttribute("disabled"));
        Assert.Equal("Message #general", composer.GetAttribute("placeholder"));
    }

    [Fact]
    public void Render_Messages_ShowsThemInOrderWithNewestLast()
    {
        var at = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
        MessageView[] messages =
        [
            new(1, 7, "u1", "ana", "Ana", "first", at, null),
            new(2, 7, "u2", "ben", "Ben", "second", at.AddMinutes(1), null),
        ];

        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, General).Add(p => p.Messages, messages));

        var items = pane.FindAll("[role='log'] li.message");
        Assert.Equal(["first", "second"], items.Select(i => i.QuerySelector(".content")!.TextContent));
        Assert.DoesNotContain("No messages yet", pane.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MessageWithMarkup_ShowsItAsText()
    {
        MessageView[] messages = [new(1, 7, "u1", "ana", "Ana", "<img src=x onerror=alert(1)>", DateTime.UtcNow, null)];

        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, General).Add(p => p.Messages, messages));

        Assert.Empty(pane.FindAll("[role='log'] img"));
        Assert.Equal("<img src=x onerror=alert(1)>", pane.Find(".content").TextContent);
    }
}
