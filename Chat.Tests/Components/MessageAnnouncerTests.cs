using Bunit;
using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Messages;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Tests.Components;

/// <summary>The polite live region of the open channel: other people's new messages, throttled.</summary>
public sealed class MessageAnnouncerTests : ChatComponentTests
{
    private readonly FakeTimeProvider clock = new();
    private ChatUser ana = default!;
    private ChatUser ben = default!;
    private ChannelView general = default!;

    public MessageAnnouncerTests() => ComponentClock = clock;

    [Fact]
    public void Add_FirstMessage_IsSaidAtOnceAsPlainWords()
    {
        using var announcer = new MessageAnnouncer(clock, () => { });

        var changed = announcer.Add(Message("Ana", "hello **there**, see [the list](https://example.test)"));

        Assert.True(changed);
        Assert.Equal("Ana: hello there, see the list", announcer.Text);
    }

    [Fact]
    public void Add_SeveralWithinTheInterval_AreSummedUpOnceWhenDue()
    {
        var due = 0;
        using var announcer = new MessageAnnouncer(clock, () => due++);
        announcer.Add(Message("Ana", "first"));

        Assert.False(announcer.Add(Message("Ana", "second")));
        Assert.False(announcer.Add(Message("Luis", "third")));
        Assert.False(announcer.Add(Message("Ana", "fourth")));
        Assert.Equal("Ana: first", announcer.Text);
        clock.Advance(MessageAnnouncer.Interval);
        announcer.Flush();

        Assert.Equal(1, due);
        Assert.Equal("3 new messages from Ana and Luis", announcer.Text);
    }

    [Fact]
    public async Task Pane_HistoryAndOwnMessages_StaySilent_AnotherMembersMessageIsSaid()
    {
        await ArrangeAsync();
        await Messages.SendAsync(ben.Id, general.Id, "from the history", Guid.NewGuid());
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Single(pane.FindAll("li.message")));
        var status = pane.Find("[role='status'][data-testid='new-messages']");
        Assert.Equal("", status.TextContent);

        await Messages.SendAsync(ana.Id, general.Id, "my own words", Guid.NewGuid());
        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("li.message").Count));
        Assert.Equal("", pane.Find("[data-testid='new-messages']").TextContent);

        await Messages.SendAsync(ben.Id, general.Id, "*fresh* news", Guid.NewGuid());

        pane.WaitForAssertion(() => Assert.Equal($"{ben.DisplayName}: fresh news", pane.Find("[data-testid='new-messages']").TextContent));
        Assert.Equal("off", pane.Find("[role='log']").GetAttribute("aria-live"));
    }

    [Fact]
    public async Task Pane_Message_IsALabelledListItem()
    {
        await ArrangeAsync();
        await Messages.SendAsync(ben.Id, general.Id, "one", Guid.NewGuid());
        await Messages.SendAsync(ben.Id, general.Id, "two", Guid.NewGuid());

        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));

        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("ol.message-list > li.message").Count));
        var items = pane.FindAll("li.message");
        // The second has no header of its own (same author, just after), and is still labelled.
        Assert.Null(items[1].QuerySelector(".message-header"));
        Assert.All(items, item => Assert.StartsWith($"{ben.DisplayName}, Today at ", item.GetAttribute("aria-label"), StringComparison.Ordinal));
    }

    private static MessageView Message(string author, string text) =>
        new(Random.Shared.NextInt64(1, long.MaxValue), 1, author.ToUpperInvariant(), author.ToLowerInvariant(), author, text, DateTime.UtcNow, null);

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
