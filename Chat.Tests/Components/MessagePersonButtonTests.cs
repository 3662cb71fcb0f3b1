using Bunit;
using Chat.App.Components.Direct;
using Chat.Domain.Direct;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace Chat.Tests.Components;

public sealed class MessagePersonButtonTests : ChatComponentTests
{
    [Fact]
    public async Task Click_OpensTheConversationWithThatPerson()
    {
        var (ana, ben) = await TwoMembersAsync();
        LogIn(ana);
        var button = Render<MessagePersonButton>(p => p.Add(b => b.UserId, ben.Id));

        button.Find("button.message-person").Click();

        var conversation = Assert.Single(await Database.Get<DirectMessageService>().ListAsync(ana.Id));
        var navigation = Services.GetRequiredService<NavigationManager>();
        button.WaitForAssertion(() => Assert.EndsWith(ConversationLink.To(conversation.Id), navigation.Uri, StringComparison.Ordinal));
        Assert.Equal(ben.Id, Assert.Single(conversation.Others).UserId);
    }

    [Fact]
    public async Task Click_WhenThePersonTakesNobodyNew_SaysSoAndStartsNothing()
    {
        var (ana, ben) = await TwoMembersAsync();
        await Database.Get<PrivacyService>().SetWhoMayMessageAsync(ben.Id, DirectMessagePrivacy.Nobody);
        LogIn(ana);
        var button = Render<MessagePersonButton>(p => p.Add(b => b.UserId, ben.Id));

        button.Find("button.message-person").Click();

        button.WaitForAssertion(() => Assert.Contains("ben isn’t accepting new direct messages.", button.Markup, StringComparison.Ordinal));
        Assert.Empty(await Database.Get<DirectMessageService>().ListAsync(ana.Id));
    }

    private async Task<(Chat.Domain.Users.ChatUser Ana, Chat.Domain.Users.ChatUser Ben)> TwoMembersAsync()
    {
        var ana = await Database.CreateUserAsync("ana");
        var ben = await Database.CreateUserAsync("ben");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        await Communities.JoinAsync(ben.Id, club.Id);
        return (ana, ben);
    }
}
