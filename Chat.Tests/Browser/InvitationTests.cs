using System.Text.RegularExpressions;
using Chat.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>Two or three people, each in a browser context of their own: one invites, the others answer or follow a link.</summary>
public sealed partial class InvitationTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }
    }

    [BrowserFact]
    public async Task DirectInvitation_Accepted_ServerAppearsLiveAndInviterIsTold()
    {
        var (ana, _) = await RegisterAsync("ana");
        var (ben, benUser) = await RegisterAsync("ben");
        var server = UniqueName("Garden");
        await ana.CreateServerAsync(server, isPublic: false);
        var benInbox = await ben.OpenInboxAsync();
        await Expect(benInbox).ToContainTextAsync("Nothing yet");
        var invite = await ana.OpenInviteDialogAsync();
        await InviteAsync(invite, "nobody_" + Guid.NewGuid().ToString("N")[..8]);
        await Expect(invite.GetByRole(AriaRole.Alert)).ToContainTextAsync("There is no user named");

        await InviteAsync(invite, benUser.UserName);

        await Expect(ana.Snackbar($"Invitation sent to {benUser.UserName}")).ToBeVisibleAsync();
        // No reload: the invitation arrives in Ben's open inbox and on his bell.
        await Expect(benInbox).ToContainTextAsync($"invited you to {server}");
        await Expect(ben.UnreadCount()).ToHaveTextAsync("1");
        await Expect(ben.ServerRail().GetByRole(AriaRole.Link, new() { Name = server })).ToHaveCountAsync(0);

        await benInbox.GetByRole(AriaRole.Button, new() { Name = $"Accept invitation to {server}" }).ClickAsync();

        await Expect(ben.ServerRail().GetByRole(AriaRole.Link, new() { Name = server })).ToBeVisibleAsync();
        await Expect(benInbox).ToContainTextAsync("You accepted");
        await Expect(ana.UnreadCount()).ToHaveTextAsync("1");
        await InviteAsync(invite, benUser.UserName);
        await Expect(invite.GetByRole(AriaRole.Alert)).ToContainTextAsync("already a member");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        var anaInbox = await ana.OpenInboxAsync();
        await Expect(anaInbox).ToContainTextAsync($"{benUser.DisplayName} (@{benUser.UserName}) accepted your invitation to {server}");
    }

    [BrowserFact]
    public async Task DirectInvitation_Declined_InviterIsToldLive()
    {
        var (ana, _) = await RegisterAsync("ana");
        var (ben, benUser) = await RegisterAsync("ben");
        var server = UniqueName("Garden");
        await ana.CreateServerAsync(server, isPublic: false);
        var invite = await ana.OpenInviteDialogAsync();
        await InviteAsync(invite, benUser.UserName);
        await Expect(ana.Snackbar($"Invitation sent to {benUser.UserName}")).ToBeVisibleAsync();
        await InviteAsync(invite, benUser.UserName);
        await Expect(invite.GetByRole(AriaRole.Alert)).ToContainTextAsync("already has a pending invitation");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        var anaInbox = await ana.OpenInboxAsync();
        var benInbox = await ben.OpenInboxAsync();

        await benInbox.GetByRole(AriaRole.Button, new() { Name = $"Decline invitation to {server}" }).ClickAsync();

        await Expect(benInbox).ToContainTextAsync("You declined");
        await Expect(anaInbox).ToContainTextAsync($"{benUser.DisplayName} (@{benUser.UserName}) declined your invitation to {server}");
        await Expect(ana.UnreadCount()).ToHaveTextAsync("1");
        await Expect(ben.ServerRail().GetByRole(AriaRole.Link, new() { Name = server })).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task InviteLink_OneUse_JoinsPrivateServerOnceThenSaysUsedUp()
    {
        var (ana, _) = await RegisterAsync("ana");
        var (ben, benUser) = await RegisterAsync("ben");
        var (carl, _) = await RegisterAsync("carl");
        var server = UniqueName("Attic");
        await ana.CreateServerAsync(server, isPublic: false);
        var invite = await ana.OpenInviteDialogAsync();
        var url = await CreateLinkAsync(invite, "1 day", "1 use");
        Assert.Matches(InviteUrl(), url);

        await ben.GotoAsync(url);
        await Expect(ben.GetByRole(AriaRole.Heading, new() { Name = server })).ToBeVisibleAsync();
        await Expect(ben.GetByText("1 member")).ToBeVisibleAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = $"Join {server}" }).ClickAsync();

        await Expect(ben).ToHaveURLAsync(ChannelUrl());
        await Expect(ben.ServerRail().GetByRole(AriaRole.Link, new() { Name = server })).ToBeVisibleAsync();
        await Expect(invite.GetByRole(AriaRole.List, new() { Name = "Invite links" })).ToContainTextAsync("1 of 1 uses");
        await Expect(ana.UnreadCount()).ToHaveTextAsync("1");
        await carl.GotoAsync(url);
        await Expect(carl.GetByRole(AriaRole.Alert)).ToContainTextAsync("has been used as many times as it allows");
        await Expect(carl.GetByRole(AriaRole.Button, new() { Name = $"Join {server}" })).ToHaveCountAsync(0);
        await invite.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        var anaInbox = await ana.OpenInboxAsync();
        await Expect(anaInbox).ToContainTextAsync($"{benUser.DisplayName} (@{benUser.UserName}) joined {server} through your invite link");
    }

    [BrowserFact]
    public async Task InviteLink_Revoked_SaysSoPlainly()
    {
        var (ana, _) = await RegisterAsync("ana");
        var (ben, _) = await RegisterAsync("ben");
        var server = UniqueName("Attic");
        await ana.CreateServerAsync(server, isPublic: false);
        var invite = await ana.OpenInviteDialogAsync();
        var url = await CreateLinkAsync(invite, "Never", "No limit");
        var code = url[(url.LastIndexOf('/') + 1)..];

        await invite.GetByRole(AriaRole.Button, new() { Name = $"Revoke link {code}" }).ClickAsync();

        await Expect(invite.GetByRole(AriaRole.List, new() { Name = "Invite links" })).ToContainTextAsync("Revoked");
        await ben.GotoAsync(url);
        await Expect(ben.GetByRole(AriaRole.Alert)).ToContainTextAsync("This invite link was revoked.");
    }

    [BrowserFact]
    public async Task InviteLink_Anonymous_LogsInAndComesBackToTheLink()
    {
        var (ana, _) = await RegisterAsync("ana");
        var server = UniqueName("Porch");
        await ana.CreateServerAsync(server, isPublic: false);
        var url = await CreateLinkAsync(await ana.OpenInviteDialogAsync(), "7 days", "No limit");
        var (visitor, visitorUser) = await RegisterAsync("dora");
        await visitor.LogOutAsync();

        await visitor.GotoAsync(url);

        await visitor.ExpectLoginPageAsync();
        await visitor.LogInAsync(visitorUser.UserName, visitorUser.Password);
        await Expect(visitor).ToHaveURLAsync(url);
        await visitor.GetByRole(AriaRole.Button, new() { Name = $"Join {server}" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(ChannelUrl());
        await Expect(visitor.ServerRail().GetByRole(AriaRole.Link, new() { Name = server })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task InviteLink_AnonymousWithoutAccount_RegistersAndComesBackToTheLink()
    {
        var (ana, _) = await RegisterAsync("ana");
        var server = UniqueName("Porch");
        await ana.CreateServerAsync(server, isPublic: false);
        var url = await CreateLinkAsync(await ana.OpenInviteDialogAsync(), "30 minutes", "5 uses");
        var visitor = await NewPageAsync();

        await visitor.GotoAsync(url);
        await visitor.ExpectLoginPageAsync();
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        await visitor.FillRegistrationAsync(TestUser.Create("eve"));

        await Expect(visitor).ToHaveURLAsync(url);
        await Expect(visitor.GetByRole(AriaRole.Button, new() { Name = $"Join {server}" })).ToBeEnabledAsync();
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await app.NewContextAsync();
        contexts.Add(context);
        return await context.NewPageAsync();
    }

    private async Task<(IPage Page, TestUser User)> RegisterAsync(string prefix)
    {
        var page = await NewPageAsync();
        var user = TestUser.Create(prefix);
        await page.RegisterAsync(user);
        await Expect(page.CreateServerButton()).ToBeEnabledAsync();
        return (page, user);
    }

    private static async Task InviteAsync(ILocator invite, string userName)
    {
        await invite.GetByLabel("Username").FillAsync(userName);
        await invite.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
    }

    private static async Task<string> CreateLinkAsync(ILocator invite, string expiry, string maxUses)
    {
        await invite.GetByLabel("Expire after").SelectOptionAsync(new SelectOptionValue { Label = expiry });
        await invite.GetByLabel("Max number of uses").SelectOptionAsync(new SelectOptionValue { Label = maxUses });
        await invite.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var url = invite.GetByLabel("Your invite link");
        await Expect(url).ToHaveValueAsync(InviteUrl());
        return await url.InputValueAsync();
    }

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..6]}";

    [GeneratedRegex(@"^https?://[^/]+/invite/[A-Za-z0-9]{10}$")]
    private static partial Regex InviteUrl();

    [GeneratedRegex(@"/servers/\d+/channels/\d+$")]
    private static partial Regex ChannelUrl();
}
