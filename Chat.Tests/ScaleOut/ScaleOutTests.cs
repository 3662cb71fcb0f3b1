using Chat.Domain.Data;
using Chat.Tests.Browser;
using Chat.Tests.Faults;
using Chat.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.ScaleOut;

/// <summary>
/// Two instances behind nginx (<see cref="InstancesBehindNginx"/>), A's browser on one and B's on the other: what
/// one does reaches the other live across instances, and when A's instance dies A carries on on the survivor.
/// </summary>
public sealed class ScaleOutTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [ScaleOutFact]
    public async Task TwoInstances_UserOnEach_MessagesEditsAndInvitationsArriveLive()
    {
        await using var rig = await InstancesBehindNginx.StartAsync();
        try
        {
            await using var users = await rig.TwoUsersAsync(chromium);
            var (pageA, pageB) = (users.PageA, users.PageB);
            AssertCircuitsOn(rig, users.ContextA, rig.Instances[0]);
            AssertCircuitsOn(rig, users.ContextB, rig.Instances[1]);

            await pageA.SendMessageAsync("Hello from the first instance");
            await Expect(pageB.Message("Hello from the first instance")).ToBeVisibleAsync();
            await pageB.SendMessageAsync("And back from the second");
            await Expect(pageA.Message("And back from the second")).ToBeVisibleAsync();

            var mine = pageA.Message("Hello from the first instance");
            await mine.HoverAsync();
            await mine.GetByRole(AriaRole.Button, new() { Name = "Edit message" }).ClickAsync();
            var editor = pageA.MessageLog().GetByRole(AriaRole.Textbox, new() { Name = "Edit message" });
            await editor.ExpectKeysReadyAsync();
            await editor.FillAsync("Hello from the first instance, edited");
            await editor.PressAsync("Enter");
            var edited = pageB.Message("Hello from the first instance, edited");
            await Expect(edited).ToBeVisibleAsync();
            await Expect(edited.GetByRole(AriaRole.Button, new() { Name = "(edited)" })).ToBeVisibleAsync();

            var annex = TwoUsers.UniqueServerName("Annex");
            await pageA.CreateServerAsync(annex, isPublic: false);
            var invite = await pageA.OpenInviteDialogAsync();
            await invite.GetByLabel("Username").FillAsync(users.B.UserName);
            await invite.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
            await Expect(pageA.Snackbar($"Invitation sent to {users.B.UserName}")).ToBeVisibleAsync();
            await Expect(pageB.UnreadCount()).ToHaveTextAsync("1");
            var inboxB = await pageB.OpenInboxAsync();
            await Expect(inboxB).ToContainTextAsync($"invited you to {annex}");
            await inboxB.GetByRole(AriaRole.Button, new() { Name = $"Accept invitation to {annex}" }).ClickAsync();

            await Expect(pageB.ServerRail().GetByRole(AriaRole.Link, new() { Name = annex })).ToBeVisibleAsync();
            await Expect(pageA.UnreadCount()).ToHaveTextAsync("1");
            await invite.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
            await Expect(pageA.MemberList()).ToContainTextAsync(users.B.DisplayName);
            // Still the circuits they started with: nothing above went through a reconnect or another instance.
            AssertCircuitsOn(rig, users.ContextA, rig.Instances[0]);
            AssertCircuitsOn(rig, users.ContextB, rig.Instances[1]);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\n{rig.Output}", e);
        }
    }

    [ScaleOutFact]
    public async Task KillInstance_ItsUserReconnectsThroughNginxToTheSurvivor_NothingLostOrDoubled()
    {
        await using var rig = await InstancesBehindNginx.StartAsync();
        try
        {
            await using var users = await rig.TwoUsersAsync(chromium);
            var (pageA, pageB) = (users.PageA, users.PageB);
            var (doomed, survivor) = (rig.Instances[0], rig.Instances[1]);
            var run = Guid.NewGuid().ToString("N")[..6];
            List<string> sent = [$"{run} A before", $"{run} B before"];
            await pageA.SendMessageAsync(sent[0]);
            await pageB.SendMessageAsync(sent[1]);
            await Expect(pageA.Message(sent[1])).ToBeVisibleAsync();
            await Expect(pageB.Message(sent[0])).ToBeVisibleAsync();
            await Task.WhenAll(pageA.EvaluateAsync("() => { window.__marker = 1; }"), pageB.EvaluateAsync("() => { window.__marker = 1; }"));

            await doomed.KillAsync();
            foreach (var text in new[] { $"{run} B while A is away 1", $"{run} B while A is away 2" })
            {
                await pageB.SendMessageAsync(text);
                sent.Add(text);
            }

            // A's circuit died with its instance: the page reconnects through nginx to the survivor, which does not
            // know the circuit, so it reloads, still logged in, and reads what it missed from the database.
            await Expect(pageA.Message(sent[^1])).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await pageA.ExpectShellAsync();
            Assert.Null(await pageA.EvaluateAsync<int?>("() => window.__marker"));
            Assert.Equal(survivor, rig.CircuitInstances(users.ContextA)[^1]);
            await pageA.ExpectInOrderAsync(sent);

            sent.Add($"{run} A back");
            await pageA.SendMessageAsync(sent[^1]);
            await Expect(pageB.Message(sent[^1])).ToHaveCountAsync(1);
            sent.Add($"{run} B welcome back");
            await pageB.SendMessageAsync(sent[^1]);
            await Expect(pageA.Message(sent[^1])).ToHaveCountAsync(1);
            await pageA.ExpectInOrderAsync(sent);
            await pageB.ExpectInOrderAsync(sent);
            // B's tab never noticed: same page, same circuit, on the survivor from the start.
            Assert.Equal(1, await pageB.EvaluateAsync<int?>("() => window.__marker"));
            AssertCircuitsOn(rig, users.ContextB, survivor);

            // Each message once in the database, as in the browsers.
            var (_, channelId) = pageA.ChannelIds();
            Assert.Equal(sent.Order(StringComparer.Ordinal), (await StoredAsync(rig.ConnectionString, channelId)).Order(StringComparer.Ordinal));
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\n{rig.Output}", e);
        }
    }

    private static void AssertCircuitsOn(InstancesBehindNginx rig, IBrowserContext context, AppProcess instance)
    {
        var circuits = rig.CircuitInstances(context);
        Assert.NotEmpty(circuits);
        Assert.All(circuits, circuit => Assert.Equal(instance.Port, circuit.Port));
    }

    private static async Task<List<string>> StoredAsync(string connectionString, int channelId)
    {
        await using var domain = new ServiceCollection()
            .AddChatDomain(new DatabaseSettings(DatabaseProvider.Postgres, connectionString))
            .BuildServiceProvider();
        await using var db = await domain.GetRequiredService<IDbContextFactory<ChatDbContext>>().CreateDbContextAsync();
        return await db.Messages.AsNoTracking().Where(m => m.ChannelId == channelId).Select(m => m.Content).ToListAsync();
    }
}
