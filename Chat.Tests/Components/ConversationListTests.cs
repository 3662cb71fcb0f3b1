using Bunit;
using Chat.App.Components.Direct;
using Chat.Domain.Direct;
using Chat.Domain.Realtime;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

public sealed class ConversationListTests : ChatComponentTests
{
    [Fact]
    public async Task NewDirectMessage_ShowsTheConversationAndItsBadgesLive()
    {
        var ana = await Database.CreateUserAsync("ana");
        var ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        LogIn(ana);
        var list = Render<ConversationList>();
        var home = Render<DirectHomeLink>();
        Assert.Contains("No conversations yet", list.Markup, StringComparison.Ordinal);

        var started = await Database.Get<DirectMessageService>().StartAsync(ben.Id, [ana.Id]);
        await Messages.SendAsync(ben.Id, started.ChannelId, "hello @ana", Guid.NewGuid());

        list.WaitForAssertion(() =>
        {
            var link = list.Find("nav[aria-label='Conversations'] a.conversation-link.unread");
            Assert.Equal(ConversationLink.To(started.Id), link.GetAttribute("href"));
            Assert.Contains("ben", link.TextContent, StringComparison.Ordinal);
            Assert.Equal("1", list.Find("span.badge[aria-label='Unread mentions: 1']").TextContent);
        });
        home.WaitForAssertion(() => Assert.Equal("1", home.Find("[data-testid='dm-unread']").TextContent));
    }

    [Fact]
    public async Task Dispose_LeavesNoSubscribers()
    {
        var ana = await Database.CreateUserAsync("ana");
        LogIn(ana);
        Render<ConversationList>();
        Render<DirectHomeLink>();
        Assert.Equal(2, Hub.SubscriberCount(Topics.User(ana.Id)));

        await DisposeComponentsAsync();

        Assert.Equal(0, Hub.SubscriberCount(Topics.User(ana.Id)));
    }
}
