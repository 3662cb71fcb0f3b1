using Bunit;
using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

public sealed class ChannelSidebarTests : ChatComponentTests
{
    private async Task LogInAnaAsync() => LogIn(await Database.CreateUserAsync("ana"));

    [Fact]
    public async Task Render_WithoutCommunity_ExplainsWhatToDo()
    {
        await LogInAnaAsync();

        var sidebar = Render<ChannelSidebar>();

        var nav = sidebar.Find("nav[aria-label='Channels']");
        Assert.Contains("Pick a server on the left", nav.TextContent, StringComparison.Ordinal);
        Assert.Empty(sidebar.FindAll("a.channel-link"));
    }

    [Fact]
    public async Task Render_CommunityWithoutChannels_SaysSoAndOffersCreateChannelToAdmins()
    {
        await LogInAnaAsync();

        var sidebar = Render<ChannelSidebar>(ps => ps
            .Add(s => s.Community, new CommunityDetail(1, "Book club", null, true, MemberRole.Owner)));

        Assert.Contains("This server has no channels yet.", sidebar.Markup, StringComparison.Ordinal);
        Assert.Equal("Book club", sidebar.Find("h2").TextContent);
        Assert.Contains(sidebar.FindAll("button"), b => b.TextContent.Contains("Create channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_ForPlainMember_HasNoCreateChannelButton()
    {
        await LogInAnaAsync();

        var sidebar = Render<ChannelSidebar>(ps => ps
            .Add(s => s.Community, new CommunityDetail(1, "Book club", null, true, MemberRole.Member))
            .Add(s => s.Channels, [new ChannelView(7, 1, "general", null)]));

        Assert.DoesNotContain(sidebar.FindAll("button"), b => b.TextContent.Contains("Create channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_WithChannels_LinksEachInOrder()
    {
        await LogInAnaAsync();

        var sidebar = Render<ChannelSidebar>(ps => ps
            .Add(s => s.Community, new CommunityDetail(1, "Book club", null, true, MemberRole.Member))
            .Add(s => s.Channels, [new ChannelView(7, 1, "general", null), new ChannelView(9, 1, "spoilers", null)]));

        var links = sidebar.FindAll("nav[aria-label='Channels'] a");
        Assert.Equal(["servers/1/channels/7", "servers/1/channels/9"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal(["# general", "# spoilers"], links.Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Render_ShowsWhoIsLoggedInAndALogOutButton()
    {
        await LogInAnaAsync();

        var sidebar = Render<ChannelSidebar>();

        Assert.Equal("ana", sidebar.Find(".user-name").TextContent);
        var form = sidebar.Find("form[action='account/logout']");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("Log out", form.QuerySelector("button")!.TextContent);
    }
}
