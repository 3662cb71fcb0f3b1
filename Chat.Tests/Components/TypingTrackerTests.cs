using Chat.App.Components.Messaging;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Tests.Components;

/// <summary>Who is typing in the open channel, on a clock the tests move.</summary>
public sealed class TypingTrackerTests : IAsyncDisposable
{
    private readonly FakeTimeProvider clock = new();
    private readonly TypingTracker tracker;
    private int ticks;

    public TypingTrackerTests() => tracker = new TypingTracker(clock, () => ticks++);

    [Fact]
    public void Add_ShowsTheName_UntilItsTimeIsUp()
    {
        tracker.Add("ben-id", "Ben");

        Assert.Equal(["Ben"], tracker.Names);
        clock.Advance(TypingTracker.Shown - TimeSpan.FromMilliseconds(1));
        Assert.Equal(["Ben"], tracker.Names);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(tracker.Names);
    }

    [Fact]
    public void Names_AreInAlphabeticalOrder_OncePerPerson()
    {
        tracker.Add("zoe-id", "Zoe");
        tracker.Add("ana-id", "Ana");
        tracker.Add("luis-id", "Luis");
        tracker.Add("zoe-id", "Zoe");

        Assert.Equal(["Ana", "Luis", "Zoe"], tracker.Names);
    }

    [Fact]
    public void AddAgain_KeepsTheNameFromTheLatestEvent()
    {
        tracker.Add("ben-id", "Ben");
        clock.Advance(TimeSpan.FromSeconds(4));
        tracker.Add("ben-id", "Ben");
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(["Ben"], tracker.Names);
        Assert.False(tracker.Expire());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(tracker.Expire());
        Assert.Empty(tracker.Names);
    }

    [Fact]
    public void Timer_TicksEverySecondOnceSomeoneTyped_SoExpiredNamesGoAndThePaneDraws()
    {
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, ticks);

        tracker.Add("ben-id", "Ben");
        clock.Advance(TypingTracker.Shown);

        Assert.Equal(6, ticks);
        Assert.True(tracker.Expire());
        Assert.False(tracker.Expire());
        Assert.Empty(tracker.Names);
    }

    [Fact]
    public void Remove_AndClear_HideNamesAtOnce()
    {
        tracker.Add("ben-id", "Ben");
        tracker.Add("ana-id", "Ana");

        tracker.Remove("ben-id");
        Assert.Equal(["Ana"], tracker.Names);
        tracker.Clear();
        Assert.Empty(tracker.Names);
    }

    public ValueTask DisposeAsync() => tracker.DisposeAsync();
}
