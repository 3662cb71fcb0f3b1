namespace Chat.App.Components.Tabs;

/// <summary>
/// One live tab (a Blazor circuit, so one per circuit scope): whose it is, when its user last used it, and whether
/// it was closed to make room for a newer one.
/// </summary>
public sealed class OpenTab
{
    private readonly Lock gate = new();
    private long lastUsedTicks;
    private bool closed;
    private bool hasPage;
    private Func<Task>? onClosed;

    public string? UserId { get; internal set; }

    /// <summary>When it was opened, or when its user last pressed a key, clicked or brought it to the front.</summary>
    public DateTimeOffset LastUsed => new(Interlocked.Read(ref lastUsedTicks), TimeSpan.Zero);

    public bool IsClosed
    {
        get
        {
            lock (gate)
            {
                return closed;
            }
        }
    }

    /// <summary>Whether the tab's page is there to take itself down and end the circuit when the tab is closed.</summary>
    public bool HasPage
    {
        get
        {
            lock (gate)
            {
                return hasPage;
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="handler"/> once when the tab is closed, at once if it already is. The tab's root
    /// component registers here, so that it can take the page down and end the circuit.
    /// </summary>
    public void OnClosed(Func<Task> handler)
    {
        bool already;
        lock (gate)
        {
            already = closed;
            hasPage = true;
            onClosed = already ? null : handler;
        }

        if (already)
        {
            _ = handler();
        }
    }

    internal void Use(DateTimeOffset now) => Interlocked.Exchange(ref lastUsedTicks, now.UtcTicks);

    internal void Close()
    {
        Func<Task>? handler;
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            closed = true;
            handler = onClosed;
            onClosed = null;
        }

        _ = handler?.Invoke();
    }
}
