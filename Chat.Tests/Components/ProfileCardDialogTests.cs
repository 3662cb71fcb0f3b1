using Bunit;
using Chat.App.Components.Common;
using Chat.App.Components.Profiles;
using Chat.Domain.Profiles;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Chat.Tests.Components;

/// <summary>
/// The card as the direct-messages feature will meet it: its "Message" slot is drawn with the card's person, never
/// on one's own card, and a card the domain refuses says why inside the dialog.
/// </summary>
public sealed class ProfileCardDialogTests : ChatComponentTests
{
    private static readonly RenderFragment<ProfileCardView> MessageButton =
        card => b =>
        {
            b.OpenElement(0, "button");
            b.AddAttribute(1, "class", "message-slot");
            b.AddContent(2, "Message " + card.UserName);
            b.CloseElement();
        };

    [Fact]
    public async Task MessageSlot_OnAnotherMembersCard_IsDrawnWithThemAndNotOnOnesOwn()
    {
        var (olga, ben, communityId) = await ArrangeAsync();
        LogIn(olga);
        var dialogs = Render<MudDialogProvider>();

        await ShowAsync(dialogs, communityId, ben.Id);

        dialogs.WaitForAssertion(() => Assert.Equal("Message ben", dialogs.Find("[role='dialog'] button.message-slot").TextContent));
        Assert.Equal("Member", dialogs.Find("[data-testid='card-role']").TextContent);
        Assert.Equal("Reads at night.", dialogs.Find("[data-testid='card-bio']").TextContent);

        await ShowAsync(dialogs, communityId, olga.Id);

        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid='card-role']").Count));
        Assert.Equal("Owner", dialogs.FindAll("[data-testid='card-role']")[1].TextContent);
        Assert.Single(dialogs.FindAll("button.message-slot"));
    }

    [Fact]
    public async Task CardOfSomeoneWhoLeft_SaysSoInTheDialog()
    {
        var (olga, ben, communityId) = await ArrangeAsync();
        await Communities.LeaveAsync(ben.Id, communityId);
        LogIn(olga);
        var dialogs = Render<MudDialogProvider>();

        await ShowAsync(dialogs, communityId, ben.Id);

        dialogs.WaitForAssertion(() => Assert.Equal(
            "That user is not a member of this server.", dialogs.Find("[role='dialog'] [role='alert']").TextContent));
        Assert.Empty(dialogs.FindAll("[data-testid='card-bio']"));
        Assert.Empty(dialogs.FindAll("button.message-slot"));
    }

    private async Task<(Chat.Domain.Users.ChatUser Olga, Chat.Domain.Users.ChatUser Ben, int CommunityId)> ArrangeAsync()
    {
        var olga = await Database.CreateUserAsync("olga");
        var ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(olga.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        await Profiles.UpdateAsync(ben.Id, "Ben", "Reads at night.");
        return (olga, ben, club.Id);
    }

    private Task<IDialogReference> ShowAsync(IRenderedComponent<MudDialogProvider> dialogs, int communityId, string userId) =>
        dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ProfileCardDialog>(
            "Card",
            new DialogParameters<ProfileCardDialog>
            {
                { d => d.CommunityId, communityId },
                { d => d.UserId, userId },
                { d => d.MessageButton, MessageButton },
            },
            ChatDialogs.Options));
}
