using System.Collections.Concurrent;
using Chat.Domain.Realtime;

namespace Chat.Tests.Support;

/// <summary>Everything the hub delivers on one topic, in order, for the tests of what services publish.</summary>
public sealed class EventRecorder : IDisposable
{
    private readonly ConcurrentQueue<ChatEvent> events = new();
    private readonly IDisposable subscription;

    public EventRecorder(ChatHub hub, string topic, Func<ChatEvent, Task>? onEvent = null)
    {
        ArgumentNullException.ThrowIfNull(hub);
        subscription = hub.Subscribe(topic, async e =>
        {
            if (onEvent is not null)
            {
                await onEvent(e);
            }

            events.Enqueue(e);
        });
    }

    public IReadOnlyList<ChatEvent> Events => [.. events];

    public IReadOnlyList<T> Of<T>()
        where T : ChatEvent => [.. events.OfType<T>()];

    public void Dispose() => subscription.Dispose();
}
