using Chat.App.Components.Messaging;
using Microsoft.Extensions.Time.Testing;

namespace Chat.Tests.Components;

/// <summary>When a pane writes the read marker: once within a spread window, at once for a mention.</summary>
public sealed class ReadMarkerScheduleTests : IAsyncDisposable
{
    private readonly FakeTimeProvider clock = new();
    private readonly ReadMarkerSchedule schedule;
    private int due;

    public ReadMarkerScheduleTests() => schedule = new ReadMarkerSchedule(clock, () => due++);

    [Fact]
    public void Schedule_IsDueWithinTheWindow_NotBefore()
    {
        schedule.Schedule(now: false);

        clock.Advance(ReadMarkerSchedule.Min - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, due);
        clock.Advance(ReadMarkerSchedule.Max - ReadMarkerSchedule.Min + TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, due);
        Assert.True(schedule.TakeDue());
        Assert.False(schedule.TakeDue());
    }

    [Fact]
    public void ManyMessages_BeforeTheWrite_AreOneWrite()
    {
        for (var i = 0; i < 10; i++)
        {
            schedule.Schedule(now: false);
            clock.Advance(TimeSpan.FromMilliseconds(400));
        }

        clock.Advance(ReadMarkerSchedule.Max);

        Assert.Equal(1, due);
    }

    [Fact]
    public void AMessageAfterTheWrite_SetsTheTimerAgain()
    {
        schedule.Schedule(now: false);
        clock.Advance(ReadMarkerSchedule.Max);
        Assert.True(schedule.TakeDue());

        schedule.Schedule(now: false);
        clock.Advance(ReadMarkerSchedule.Max);

        Assert.Equal(2, due);
        Assert.True(schedule.TakeDue());
    }

    [Fact]
    public void AMessageAfterTheTimerFired_ButBeforeTheWrite_DoesNotSetItAgain()
    {
        schedule.Schedule(now: false);
        clock.Advance(ReadMarkerSchedule.Max);

        schedule.Schedule(now: false);
        clock.Advance(ReadMarkerSchedule.Max);

        Assert.Equal(1, due);
        Assert.True(schedule.IsDue);
    }

    [Fact]
    public void AMention_IsDueAtOnce_EvenWhileAWriteIsPending()
    {
        schedule.Schedule(now: false);
        clock.Advance(TimeSpan.FromSeconds(1));

        schedule.Schedule(now: true);

        Assert.Equal(1, due);
        Assert.True(schedule.TakeDue());
        clock.Advance(ReadMarkerSchedule.Max);
        Assert.Equal(1, due);
    }

    [Fact]
    public void Cancel_AfterMarkUnread_LeavesNothingToWriteWhenTheTimerFires()
    {
        schedule.Schedule(now: false);

        schedule.Cancel();
        clock.Advance(ReadMarkerSchedule.Max);

        Assert.Equal(1, due);
        Assert.False(schedule.TakeDue());
    }

    [Fact]
    public void MarkDue_OpeningAChannel_IsWrittenByTheCallerWithoutATimer()
    {
        schedule.MarkDue();
        clock.Advance(ReadMarkerSchedule.Max);

        Assert.Equal(0, due);
        Assert.True(schedule.TakeDue());
    }

    public ValueTask DisposeAsync() => schedule.DisposeAsync();
}
