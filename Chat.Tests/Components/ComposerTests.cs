using Bunit;
using Chat.App.Components.Messaging;
using Chat.Domain.Channels;
using Chat.Domain.Messages;
using Chat.Domain.Users;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

public sealed class ComposerTests : ChatComponentTests
{
    private const int SendBurst = 10;

    private ChatUser ana = default!;
    private ChannelView general = default!;

    // The send limit's burst, with no refill while a test runs, so that a flood is cut at a known count.
    public ComposerTests() =>
        DomainServices = WriteLimits.Only(Chat.Domain.RateLimiting.WriteAction.SendMessage, SendBurst, WriteLimits.NoRefill);

    private async Task ArrangeAsync()
    {
        ana = await Database.CreateUserAsync("ana");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        general = (await Channels.ListAsync(club.Id, ana.Id))[0];
        LogIn(ana);
    }

    [Fact]
    public async Task Submit_StoresTheMessageAndClearsTheBox()
    {
        await ArrangeAsync();
        MessageView? sent = null;
        var composer = Render<Composer>(ps => ps.Add(c => c.Channel, general).Add(c => c.OnSent, m => sent = m));

        await composer.InvokeAsync(() => composer.Instance.SubmitAsync("  hello  "));

        Assert.Equal("hello", sent?.Content);
        Assert.Equal("hello", Assert.Single(await Messages.GetLatestAsync(general.CommunityId, general.Id, ana.Id)).Content);
        Assert.Equal("", composer.Find("textarea").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Submit_TooLong_KeepsTheDraftAndExplains()
    {
        await ArrangeAsync();
        var composer = Render<Composer>(ps => ps.Add(c => c.Channel, general));
        var text = new string('x', 40_000);

        await composer.InvokeAsync(() => composer.Instance.SubmitAsync(text));

        Assert.Contains("at most 4,000 characters", composer.Find("[role='alert']").TextContent, StringComparison.Ordinal);
        Assert.Equal(text, composer.Find("textarea").GetAttribute("value"));
        Assert.Empty(await Messages.GetLatestAsync(general.CommunityId, general.Id, ana.Id));
    }

    [Fact]
    public async Task Submit_Blank_SendsNothing()
    {
        await ArrangeAsync();
        var composer = Render<Composer>(ps => ps.Add(c => c.Channel, general));

        await composer.InvokeAsync(() => composer.Instance.SubmitAsync("   \n "));

        Assert.Empty(composer.FindAll("[role='alert']"));
        Assert.Empty(await Messages.GetLatestAsync(general.CommunityId, general.Id, ana.Id));
    }

    [Fact]
    public async Task Flood_IsCutWithSlowDownAndRetry()
    {
        await ArrangeAsync();
        var composer = Render<Composer>(ps => ps.Add(c => c.Channel, general));

        for (var i = 0; i < SendBurst + 5; i++)
        {
            await composer.InvokeAsync(() => composer.Instance.SubmitAsync($"spam {i}"));
        }

        var alert = composer.Find("[role='alert']");
        Assert.Contains("Slow down", alert.TextContent, StringComparison.Ordinal);
        Assert.Equal("Retry", alert.QuerySelector("button")!.TextContent);
        var stored = await Messages.GetLatestAsync(general.CommunityId, general.Id, ana.Id);
        Assert.Equal(Enumerable.Range(0, SendBurst).Select(i => $"spam {i}"), stored.Select(m => m.Content));
    }
}
