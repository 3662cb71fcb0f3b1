namespace Chat.App.Components.Messaging;

/// <summary>
/// Who is typing in the open channel: each name shows for <see cref="Shown"/> after that person's last typing event,
/// then goes by itself. On the injected clock, so tests move time instead of waiting for it. Not thread-safe: the
/// pane calls it, and <see cref="Expire"/> from <paramref name="onTick"/>, on its own dispatcher.
/// </summary>
/// <param name="onTick">Called from a timer every <see cref="Tick"/> while someone has typed; the pane calls
/// <see cref="Expire"/> on its dispatcher then, and draws when a name went.</param>
public sealed class TypingTracker(TimeProvider clock, Action onTick) : IAsyncDisposable
{
    /// <summary>How long a name shows after its typing event; the composer sends one every few seconds.</summary>
    public static readonly TimeSpan Shown = TimeSpan.FromSeconds(6);

    /// <summary>How often expired names are looked for.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, (string Name, DateTimeOffset Until)> typing = [];
    private ITimer? timer;

    /// <summary>The names of those typing now, in the reader's alphabetical order.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var now = clock.GetUtcNow();
            return typing.Where(t => t.Value.Until > now).Select(t => t.Value.Name).Order(StringComparer.CurrentCulture).ToList();
        }
    }

    /// <summary>Someone typed: their name shows for <see cref="Shown"/> from now.</summary>
    public void Add(string userId, string name)
    {
        typing[userId] = (name, clock.GetUtcNow() + Shown);
        timer ??= clock.CreateTimer(_ => onTick(), null, Tick, Tick);
    }

    /// <summary>Their message arrived: they no longer type it.</summary>
    public void Remove(string userId) => typing.Remove(userId);

    /// <summary>Another channel: nobody types in it yet.</summary>
    public void Clear() => typing.Clear();

    /// <summary>Forgets the names whose time is up. True when some went.</summary>
    public bool Expire()
    {
        var now = clock.GetUtcNow();
        var expired = typing.Where(t => t.Value.Until <= now).Select(t => t.Key).ToList();
        foreach (var key in expired)
        {
            typing.Remove(key);
        }

        return expired.Count > 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (timer is not null)
        {
            await timer.DisposeAsync();
        }
    }
}
