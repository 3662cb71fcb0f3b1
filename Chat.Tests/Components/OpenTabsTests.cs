using System.Security.Claims;
using Chat.App.Components.Tabs;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Tests.Components;

public sealed class OpenTabsTests
{
    private readonly FakeTimeProvider clock = new();
    private readonly OpenTabs tabs;

    public OpenTabsTests() => tabs = new OpenTabs(Options.Create(new TabLimitOptions { MaxPerUser = 2 }), clock);

    [Fact]
    public void Open_OneMoreThanTheCap_ClosesTheTabIdleTheLongestNotTheOldest()
    {
        var oldest = OpenAt("ana");
        var idlest = OpenAt("ana");
        clock.Advance(TimeSpan.FromMinutes(1));
        tabs.Used(oldest);
        var closedCalls = 0;
        idlest.OnClosed(() =>
        {
            closedCalls++;
            return Task.CompletedTask;
        });

        var newest = OpenAt("ana");

        Assert.True(idlest.IsClosed);
        Assert.Equal(1, closedCalls);
        Assert.False(oldest.IsClosed);
        Assert.False(newest.IsClosed);
        Assert.Equal(2, tabs.CountOf("ana"));
    }

    [Fact]
    public void Open_TabsOfOtherUsers_DoNotCount()
    {
        var ana = OpenAt("ana");
        OpenAt("ana");
        var ben = Enumerable.Range(0, 2).Select(_ => OpenAt("ben")).ToList();

        Assert.False(ana.IsClosed);
        Assert.All(ben, t => Assert.False(t.IsClosed));
        Assert.Equal((2, 2), (tabs.CountOf("ana"), tabs.CountOf("ben")));
    }

    [Fact]
    public void Remove_AnEndedTab_FreesItsPlace()
    {
        var first = OpenAt("ana");
        var second = OpenAt("ana");

        tabs.Remove(second);
        var third = OpenAt("ana");

        Assert.False(first.IsClosed);
        Assert.False(third.IsClosed);
        Assert.Equal(2, tabs.CountOf("ana"));
    }

    [Fact]
    public void OnClosed_RegisteredAfterTheTabWasClosed_IsCalledAtOnce()
    {
        var first = OpenAt("ana");
        OpenAt("ana");
        OpenAt("ana");
        var called = false;

        first.OnClosed(() =>
        {
            called = true;
            return Task.CompletedTask;
        });

        Assert.True(called);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task InboundActivity_OfAClosedTab_NeverReachesTheApp(bool hasPage)
    {
        var tab = new OpenTab();
        var handler = new TabLimitCircuitHandler(new LoggedIn("ana"), tabs, tab);
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        if (hasPage)
        {
            tab.OnClosed(() => Task.CompletedTask);
        }

        var reached = 0;
        var inbound = handler.CreateInboundActivityHandler(_ =>
        {
            reached++;
            return Task.CompletedTask;
        });
        await inbound(null!);

        OpenAt("ana");
        OpenAt("ana");

        Assert.True(tab.IsClosed);
        if (hasPage)
        {
            // The page ends the circuit itself once it has shown why; until then the activity is dropped.
            await inbound(null!);
        }
        else
        {
            // Synchronously, so that the circuit host reports it and ends the circuit whatever the activity was.
            Assert.Throws<TabClosedException>(() => { _ = inbound(null!); });
        }

        Assert.Equal(1, reached);
        await handler.OnCircuitClosedAsync(null!, CancellationToken.None);
        Assert.Equal(2, tabs.CountOf("ana"));
    }

    private OpenTab OpenAt(string userId)
    {
        var tab = new OpenTab();
        tabs.Open(tab, userId);
        clock.Advance(TimeSpan.FromSeconds(1));
        return tab;
    }

    private sealed class LoggedIn(string userId) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"))));
    }
}
