using Bunit;
using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Messages;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Tests.Components;

/// <summary>The pane's part of pins, with the real pin service on SQLite: live markers, the line, who sees Pin.</summary>
public sealed class MessagePanePinTests : ChatComponentTests
{
    private readonly FakeTimeProvider clock = new();
    private ChatUser ana = default!;
    private ChatUser ben = default!;
    private ChannelView general = default!;

    public MessagePanePinTests() => ComponentClock = clock;

    [Fact]
    public async Task PinAndUnpinElsewhere_ShowLive_WithTheLineAndTheOwnersToolbar()
    {
        await ArrangeAsync();
        var sent = await Messages.SendAsync(ben.Id, general.Id, "<b>rules</b>", Guid.NewGuid());
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general).Add(p => p.CanPin, true));
        pane.WaitForAssertion(() => Assert.Single(pane.FindAll("li.message button[aria-label='Pin message']")));

        await Database.Get<PinService>().PinAsync(ana.Id, sent.Id);

        pane.WaitForAssertion(() =>
        {
            var message = pane.Find($"#message-{sent.Id}");
            Assert.Equal("<b>rules</b>", message.QuerySelector(".content")!.TextContent.Trim());
            Assert.NotNull(message.QuerySelector(".pin-marker[role='img'][aria-label='Pinned']"));
            Assert.NotNull(message.QuerySelector("button[aria-label='Unpin message']"));
            var line = pane.Find("li.pinned-line");
            Assert.Matches(@"^ana pinned a message\. See all pinned messages\.", line.TextContent.Trim());
            Assert.NotNull(line.QuerySelector("button[data-action='pinned-jump']"));
            Assert.Null(line.QuerySelector(".message-actions"));
        });

        await Database.Get<PinService>().UnpinAsync(ana.Id, sent.Id);

        pane.WaitForAssertion(() =>
        {
            Assert.Empty(pane.FindAll(".pin-marker"));
            Assert.Single(pane.FindAll("li.message button[aria-label='Pin message']"));
            Assert.Single(pane.FindAll("li.pinned-line"));
        });
    }

    [Fact]
    public async Task Member_SeesNoPinButtonsButThePinsOfOthers()
    {
        await ArrangeAsync();
        LogIn(ben);
        var sent = await Messages.SendAsync(ana.Id, general.Id, "meet at noon", Guid.NewGuid());
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Single(pane.FindAll("li.message")));

        await Database.Get<PinService>().PinAsync(ana.Id, sent.Id);

        pane.WaitForAssertion(() => Assert.Single(pane.FindAll(".pin-marker")));
        Assert.Empty(pane.FindAll("button[data-action='pin'], button[data-action='unpin']"));
        Assert.Single(pane.FindAll("header button[aria-label='Pinned messages']"));
    }

    [Fact]
    public void Announcer_PinnedLine_SaysWhoPinned()
    {
        using var announcer = new MessageAnnouncer(clock, () => { });
        var line = new MessageView(7, 1, "ANA", "ana", "Ana", "", DateTime.UtcNow, null) { Kind = MessageKind.Pinned, PinnedMessageId = 3 };

        announcer.Add(line);

        Assert.Equal("Ana pinned a message.", announcer.Text);
    }

    private async Task ArrangeAsync()
    {
        ana = await Database.CreateUserAsync("ana");
        ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        general = (await Channels.ListAsync(club.Id, ana.Id))[0];
        LogIn(ana);
    }
}
