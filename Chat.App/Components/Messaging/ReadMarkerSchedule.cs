namespace Chat.App.Components.Messaging;

/// <summary>
/// When a pane writes the reader's read marker. Every open pane reads every message of its channel; writing the
/// marker for each one would cost a database write per message per reader. Instead a pane writes at most once in a
/// window of <see cref="Min"/> to <see cref="Max"/>, at a random point of it so that the readers of one busy channel
/// do not all write at the same moment. A message naming the reader is marked at once, so its badge on the rail
/// clears; leaving the channel writes what is due. The write itself is the pane's; this says only when.
/// </summary>
/// <param name="onDue">Called from a timer when a write is due; the pane writes on its own dispatcher then, after
/// <see cref="TakeDue"/>, so the hub's delivery of a message never waits for the database.</param>
public sealed class ReadMarkerSchedule(TimeProvider clock, Action onDue) : IAsyncDisposable
{
    /// <summary>The earliest a write comes after the first unmarked message.</summary>
    public static readonly TimeSpan Min = TimeSpan.FromSeconds(5);

    /// <summary>The latest a write comes after the first unmarked message.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    private ITimer? timer;

    /// <summary>Messages came that the marker does not cover yet.</summary>
    public bool IsDue { get; private set; }

    /// <summary>
    /// A message came. The first since the last write sets the timer; later ones wait for it, unless
    /// <paramref name="now"/> (the message names the reader), which brings the write forward to at once.
    /// </summary>
    public void Schedule(bool now)
    {
        if (IsDue && !now)
        {
            return;
        }

        IsDue = true;
        timer ??= clock.CreateTimer(_ => onDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var wait = now ? TimeSpan.Zero : Min + ((Max - Min) * Random.Shared.NextDouble());
        timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A write is due without waiting (the channel was opened): the caller writes it now.</summary>
    public void MarkDue() => IsDue = true;

    /// <summary>The reader marked a message unread: what was due must not overwrite that.</summary>
    public void Cancel() => IsDue = false;

    /// <summary>True, once, when a write is due: the caller writes it.</summary>
    public bool TakeDue()
    {
        var due = IsDue;
        IsDue = false;
        return due;
    }

    public async ValueTask DisposeAsync()
    {
        if (timer is not null)
        {
            await timer.DisposeAsync();
        }
    }
}
