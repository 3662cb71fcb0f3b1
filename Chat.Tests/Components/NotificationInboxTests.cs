using Bunit;
using Bunit.Rendering;
using Chat.App.Components.Notifications;
using Chat.Domain.Notifications;
using Chat.Domain.Realtime;
using Chat.Domain.Communities;
using Chat.Domain.Users;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace Chat.Tests.Components;

public sealed class NotificationInboxTests : ChatComponentTests
{
    private ChatUser ana = default!;
    private ChatUser ben = default!;
    private CommunitySummary club = default!;

    private async Task ArrangeAsync()
    {
        ana = await Database.CreateUserAsync("ana");
        ben = await Database.CreateUserAsync("ben");
        club = await Communities.CreateAsync(ana.Id, "Book club", "We read one novel a month.", isPublic: false);
        LogIn(ben);
    }

    // The inbox is a MudPopover: it renders in the layout's popover provider, which the bell needs beside it.
    private IRenderedComponent<ContainerFragment> RenderBell() => Render(builder =>
    {
        builder.OpenComponent<MudBlazor.MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<NotificationBell>(1);
        builder.CloseComponent();
    });

    private static IRenderedComponent<ContainerFragment> Open(IRenderedComponent<ContainerFragment> bell)
    {
        bell.Find("button[aria-label='Notifications']").Click();
        return bell;
    }

    [Fact]
    public async Task Bell_InvitationArrives_UnreadCountGoesUpLive()
    {
        await ArrangeAsync();
        var bell = RenderBell();
        Assert.Empty(bell.FindAll(".bell-badge"));

        await Invitations.InviteAsync(ana.Id, club.Id, "ben");

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".bell-badge").TextContent));
        Assert.Equal("1 unread notification", bell.Find(".bell-badge").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Inbox_InvitationArrivesLive_ShowsServerWithAcceptAndDecline()
    {
        await ArrangeAsync();
        var bell = Open(RenderBell());
        bell.WaitForAssertion(() => Assert.Contains("Nothing yet", bell.Find("[role=dialog]").TextContent, StringComparison.Ordinal));

        await Invitations.InviteAsync(ana.Id, club.Id, "ben");

        bell.WaitForAssertion(() =>
        {
            var item = bell.Find("li.item.unread");
            Assert.Contains("ana invited you to Book club", item.TextContent, StringComparison.Ordinal);
            Assert.Contains("We read one novel a month.", item.TextContent, StringComparison.Ordinal);
            Assert.Contains("1 member", item.TextContent, StringComparison.Ordinal);
            Assert.NotNull(item.QuerySelector("button[aria-label='Accept invitation to Book club']"));
            Assert.NotNull(item.QuerySelector("button[aria-label='Decline invitation to Book club']"));
        });
        Assert.Equal("Notifications", bell.Find("#inbox-title").TextContent);
    }

    [Fact]
    public async Task Inbox_Accept_JoinsServerAndTellsTheInviter()
    {
        await ArrangeAsync();
        await Invitations.InviteAsync(ana.Id, club.Id, "ben");
        var bell = Open(RenderBell());

        bell.WaitForElement("button[aria-label='Accept invitation to Book club']").Click();

        bell.WaitForAssertion(() => Assert.Contains("You accepted", bell.Find("li.item").TextContent, StringComparison.Ordinal));
        Assert.Contains(await Communities.GetMineAsync(ben.Id), c => c.Id == club.Id);
        var told = Assert.Single(await Notifications.ListAsync(ana.Id));
        Assert.Equal(NotificationKind.InvitationAccepted, told.Kind);
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".bell-badge")));
    }

    [Fact]
    public async Task Inbox_Decline_TellsTheInviter()
    {
        await ArrangeAsync();
        await Invitations.InviteAsync(ana.Id, club.Id, "ben");
        var bell = Open(RenderBell());

        bell.WaitForElement("button[aria-label='Decline invitation to Book club']").Click();

        bell.WaitForAssertion(() => Assert.Contains("You declined", bell.Find("li.item").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(await Communities.GetMineAsync(ben.Id), c => c.Id == club.Id);
        Assert.Equal(NotificationKind.InvitationDeclined, Assert.Single(await Notifications.ListAsync(ana.Id)).Kind);
    }

    [Fact]
    public async Task Inbox_MarkAllRead_ClearsUnreadMarksAndCount()
    {
        await ArrangeAsync();
        await Invitations.InviteAsync(ana.Id, club.Id, "ben");
        var other = await Communities.CreateAsync(ana.Id, "Chess", null, isPublic: true);
        await Invitations.InviteAsync(ana.Id, other.Id, "ben");
        var bell = Open(RenderBell());
        bell.WaitForAssertion(() => Assert.Equal(2, bell.FindAll("li.item.unread").Count));
        Assert.Equal("2", bell.Find(".bell-badge").TextContent);
        Assert.Equal(["ana invited you to Chess", "ana invited you to Book club"],
            bell.FindAll("li.item .title").Select(t => t.TextContent));

        bell.FindAll("button").Single(b => b.TextContent == "Mark all read").Click();

        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll("li.item.unread")));
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".bell-badge")));
        Assert.Equal(0, await Notifications.CountUnreadAsync(ben.Id));
    }

    [Fact]
    public async Task Inbox_MarkReadOne_LeavesTheOthersUnread()
    {
        await ArrangeAsync();
        await Invitations.InviteAsync(ana.Id, club.Id, "ben");
        var other = await Communities.CreateAsync(ana.Id, "Chess", null, isPublic: true);
        await Invitations.InviteAsync(ana.Id, other.Id, "ben");
        var bell = Open(RenderBell());

        bell.WaitForElement("button[aria-label='Mark read: ana invited you to Chess']").Click();

        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".bell-badge").TextContent));
        Assert.Contains("Book club", Assert.Single(bell.FindAll("li.item.unread")).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_Mention_ArrivesLiveAndOpensTheMessageMarkedRead()
    {
        await ArrangeAsync();
        await Communities.UpdateAsync(ana.Id, club.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        var bell = Open(RenderBell());

        var sent = await Messages.SendAsync(ana.Id, club.FirstChannelId!.Value, "@ben chapter 3 tonight?", Guid.NewGuid());

        var open = bell.WaitForElement("li.item.unread button.open");
        Assert.Contains("ana mentioned you in #general", open.TextContent, StringComparison.Ordinal);
        Assert.Contains("@ben chapter 3 tonight?", open.TextContent, StringComparison.Ordinal);
        open.Click();
        var navigation = Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith($"servers/{club.Id}/channels/{club.FirstChannelId}?message={sent.Id}", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(0, await Notifications.CountUnreadAsync(ben.Id));
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll("[role=dialog]")));
    }

    [Fact]
    public async Task Dispose_LeavesNoSubscribers()
    {
        await ArrangeAsync();
        Open(RenderBell());
        Assert.Equal(2, Hub.SubscriberCount(Topics.User(ben.Id)));

        await DisposeComponentsAsync();

        Assert.Equal(0, Hub.SubscriberCount(Topics.User(ben.Id)));
    }

    [Fact]
    public async Task Inbox_InviterCallingThemselvesLikeSomeoneElse_ShowsWhoReallyAsked()
    {
        await ArrangeAsync();
        var eve = await Database.CreateUserAsync("eve");
        await Profiles.UpdateAsync(eve.Id, "ana", null);
        var fake = await Communities.CreateAsync(eve.Id, "Book club (official)", null, isPublic: false);
        var bell = Open(RenderBell());

        await Invitations.InviteAsync(ana.Id, club.Id, "ben");
        await Invitations.InviteAsync(eve.Id, fake.Id, "ben");

        bell.WaitForAssertion(() => Assert.Equal(
            ["ana (@eve) invited you to Book club (official)", "ana invited you to Book club"],
            bell.FindAll("li.item .title").Select(t => t.TextContent.Trim())));
    }
}
