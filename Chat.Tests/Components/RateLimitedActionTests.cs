using Bunit;
using Chat.App.Components.Messaging;
using Chat.App.Components.Pages;
using Chat.Domain.Channels;
using Chat.Domain.Messages;
using Chat.Domain.RateLimiting;
using Chat.Domain.Users;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

/// <summary>An over-limit write says "Slow down" where the user is looking, keeps what they typed, and breaks nothing.</summary>
public sealed class RateLimitedActionTests : ChatComponentTests
{
    // What the English reader sees for the domain's SlowDown code (Chat.App/Localization/DomainErrors.resx).
    private const string SlowDown = "You are going too fast. Slow down a little and try again in a moment.";

    private ChatUser ana = default!;
    private ChannelView general = default!;
    private MessageView first = default!;
    private MessageView second = default!;

    // One write of each kind, and then no more for as long as a test runs; sends are what the tests arrange with.
    public RateLimitedActionTests() => DomainServices = services =>
    {
        WriteLimits.All(burst: 1)(services);
        WriteLimits.Only(WriteAction.SendMessage, burst: 10, WriteLimits.NoRefill)(services);
    };

    private async Task<IRenderedComponent<MessagePane>> RenderPaneAsync()
    {
        ana = await Database.CreateUserAsync("ana");
        var ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        general = (await Channels.ListAsync(club.Id, ana.Id))[0];
        first = await Messages.SendAsync(ana.Id, general.Id, "first", Guid.NewGuid());
        second = await Messages.SendAsync(ben.Id, general.Id, "second", Guid.NewGuid());
        LogIn(ana);
        var pane = Render<MessagePane>(ps => ps.Add(p => p.Channel, general));
        pane.WaitForAssertion(() => Assert.Equal(2, pane.FindAll("li.message").Count));
        return pane;
    }

    [Fact]
    public async Task Edit_OverTheLimit_SaysSlowDownInTheEditorAndKeepsTheText()
    {
        var pane = await RenderPaneAsync();
        await pane.InvokeAsync(() => pane.Instance.OnMessageActionAsync(first.Id, "edit"));
        await pane.InvokeAsync(() => EditorOf(pane, first).SubmitAsync("first, edited"));
        pane.WaitForAssertion(() => Assert.Contains("first, edited", pane.Find($"#message-{first.Id}").TextContent, StringComparison.Ordinal));

        await pane.InvokeAsync(() => pane.Instance.OnMessageActionAsync(first.Id, "edit"));
        await pane.InvokeAsync(() => EditorOf(pane, first).SubmitAsync("first, edited again"));

        pane.WaitForAssertion(() => Assert.Equal(
            SlowDown, pane.Find($"#message-{first.Id} .editor [role='alert']").TextContent));
        Assert.Equal("first, edited again", pane.Find($"#message-{first.Id} textarea[aria-label='Edit message']").GetAttribute("value"));
        Assert.Equal(2, (await Messages.GetRevisionsAsync(ana.Id, first.Id)).Count);
    }

    [Fact]
    public async Task Delete_OverTheLimit_SaysSlowDownInTheDialogAndKeepsTheMessage()
    {
        var pane = await RenderPaneAsync();
        var extra = await Messages.SendAsync(ana.Id, general.Id, "extra", Guid.NewGuid());
        await Messages.DeleteAsync(ana.Id, extra.Id);
        // The confirmation is a MudDialog: it renders in the layout's dialog provider.
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        await pane.InvokeAsync(() => pane.Instance.OnMessageActionAsync(first.Id, "delete"));

        dialogs.WaitForElement("[role='dialog'] button.danger").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(
            SlowDown, dialogs.Find("[role='dialog'] [role='alert']").TextContent));
        Assert.Single(pane.FindAll($"#message-{first.Id}"));
        Assert.Equal(2, (await Messages.GetLatestAsync(general.CommunityId, general.Id, ana.Id)).Count);
    }

    [Fact]
    public async Task MarkUnread_OverTheLimit_SaysSlowDownAboveTheComposer()
    {
        var pane = await RenderPaneAsync();
        await pane.InvokeAsync(() => pane.Instance.OnMessageActionAsync(second.Id, "unread"));
        Assert.Empty(pane.FindAll(".action-error"));

        await pane.InvokeAsync(() => pane.Instance.OnMessageActionAsync(first.Id, "unread"));

        Assert.Equal(SlowDown, pane.Find(".action-error[role='alert'] span").TextContent);
        pane.Find(".action-error button").Click();
        Assert.Empty(pane.FindAll(".action-error"));
    }

    [Fact]
    public async Task ProfileSave_OverTheLimit_SaysSlowDownBesideSaveAndKeepsTheForm()
    {
        ana = await Database.CreateUserAsync("ana");
        await Profiles.UpdateAsync(ana.Id, "Ana", null);
        LogIn(ana);
        var page = Render<ProfilePage>();
        page.WaitForElement("#profile-display-name");

        page.Find("#profile-display-name").Change("Ana Lovelace");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(SlowDown, page.Find("form [role='alert']").TextContent));
        Assert.Equal("Ana Lovelace", page.Find("#profile-display-name").GetAttribute("value"));
        Assert.Equal("Ana", (await Profiles.GetAsync(ana.Id)).DisplayName);
    }

    [Fact]
    public async Task RemovePicture_OverTheLimit_SaysSlowDownByThePicture()
    {
        ana = await Database.CreateUserAsync("ana");
        await Profiles.SetAvatarAsync(ana.Id, TestImages.Png(2, 2));
        LogIn(ana);
        var page = Render<ProfilePage>();
        page.WaitForElement("#profile-display-name");

        page.FindAll("button").Single(b => b.TextContent == "Remove picture").Click();

        page.WaitForAssertion(() => Assert.Equal(SlowDown, page.Find("[aria-labelledby='avatar-title'] [role='alert']").TextContent));
        Assert.NotNull(await Profiles.GetAvatarAsync(ana.Id));
    }

    private static MessageItem EditorOf(IRenderedComponent<MessagePane> pane, MessageView message) =>
        pane.FindComponents<MessageItem>().Single(i => i.Instance.Message.Id == message.Id).Instance;
}
