using Bunit;
using Bunit.Rendering;
using Chat.App.Components.Layout;
using Chat.App.Components.Pages;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components.Sections;

namespace Chat.Tests.Components;

public sealed class ChannelPageTests : ChatComponentTests
{
    // The member list renders in the layout's members section, which the page needs beside it.
    private IRenderedComponent<ContainerFragment> RenderPage(int serverId, int channelId) => Render(builder =>
    {
        builder.OpenComponent<ChannelPage>(0);
        builder.AddComponentParameter(1, nameof(ChannelPage.ServerId), serverId);
        builder.AddComponentParameter(2, nameof(ChannelPage.ChannelId), (int?)channelId);
        builder.CloseComponent();
        builder.OpenComponent<SectionOutlet>(3);
        builder.AddComponentParameter(4, nameof(SectionOutlet.SectionName), MainLayout.MembersSection);
        builder.CloseComponent();
    });

    [Fact]
    public async Task UserProfileChanged_OfAMember_UpdatesTheMemberListLive()
    {
        var ana = await Database.CreateUserAsync("ana");
        var ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        var general = (await Channels.ListAsync(club.Id, ana.Id))[0];
        LogIn(ana);
        var page = RenderPage(club.Id, general.Id);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("aside[aria-label='Members'] .member").Count));

        await Profiles.UpdateAsync(ben.Id, "Aaron", null);
        var version = await Profiles.SetAvatarAsync(ben.Id, TestImages.Png(8, 8));

        page.WaitForAssertion(() =>
        {
            var members = page.FindAll("aside[aria-label='Members'] .member");
            Assert.Equal("Aaron", members.Single(m => m.QuerySelector("img.avatar") is not null)
                .QuerySelector(".member-name")!.TextContent);
            Assert.Equal($"avatars/{ben.Id}/{version}", page.Find("aside[aria-label='Members'] img.avatar").GetAttribute("src"));
        });
    }

    [Fact]
    public async Task KickedMember_WhoIgnoresTheRedirect_KeepsNoSubscriptionOfTheServer()
    {
        var ana = await Database.CreateUserAsync("ana");
        var ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        var general = (await Channels.ListAsync(club.Id, ana.Id))[0];
        LogIn(ben);
        var page = RenderPage(club.Id, general.Id);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("aside[aria-label='Members'] .member").Count));
        var topic = Chat.Domain.Realtime.Topics.Community(club.Id);
        Assert.True(Hub.SubscriberCount(topic) >= 3, "the page, its message pane and the member roster listen");

        // bunit's navigation manager only records the redirect: the page, its message pane and member list stay.
        await Communities.KickAsync(ana.Id, club.Id, ben.Id);

        page.WaitForAssertion(() => Assert.Equal(0, Hub.SubscriberCount(topic)));
        await Messages.SendAsync(ana.Id, general.Id, "not for ben", Guid.NewGuid());
        await page.InvokeAsync(() => { });
        Assert.DoesNotContain("not for ben", page.Markup, StringComparison.Ordinal);
    }
}
