using System.Collections.Immutable;
using Chat.Domain.Diagnostics;
using Chat.Domain.Realtime.Relay;
using Microsoft.Extensions.Logging;

namespace Chat.Domain.Realtime;

/// <summary>
/// The in-process event hub: services publish after their change is committed, and each circuit's components
/// subscribe to the topics they show. A publish reads an immutable subscriber array without locking, so the
/// fan-out to many circuits costs no allocation per subscriber beyond the handler's own work.
/// With several instances on one PostgreSQL database, a publish also goes to the <see cref="OutboxWriter"/>, and the
/// <see cref="OutboxListener"/> hands what other instances published to this hub's subscribers
/// (docs/decisions/0004-scale-out.md); components see no difference.
/// </summary>
public sealed partial class ChatHub(ILogger<ChatHub> logger, OutboxWriter? relay = null, ChatMetrics? metrics = null)
{
    private readonly Lock gate = new();
    private ImmutableDictionary<string, ImmutableArray<Subscription>> topics =
        ImmutableDictionary<string, ImmutableArray<Subscription>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Listens on a topic for the app itself (presence, the shared member rosters), for no one user.</summary>
    public IDisposable Subscribe(string topic, Func<ChatEvent, Task> handler) => Subscribe(topic, null, handler);

    /// <summary>
    /// Listens on a topic for what <paramref name="userId"/> sees. When that user leaves or is removed from a community
    /// (<see cref="MemberLeft"/>), each of their subscriptions of the community gets that event and then nothing more,
    /// in every tab and on every instance, whether or not the tab follows its redirect away.
    /// </summary>
    public IDisposable Subscribe(string topic, string? userId, Func<ChatEvent, Task> handler)
    {
        var subscription = new Subscription(this, topic, userId, handler);
        lock (gate)
        {
            topics = topics.SetItem(topic, topics.GetValueOrDefault(topic, []).Add(subscription));
        }

        return subscription;
    }

    /// <summary>How many handlers listen on a topic; lets tests prove that disposed components unsubscribed.</summary>
    public int SubscriberCount(string topic) => Volatile.Read(ref topics).GetValueOrDefault(topic, []).Length;

    public Task PublishAsync(ChatEvent chatEvent) => PublishAsync(chatEvent.Topic, chatEvent);

    public Task PublishAsync(string topic, ChatEvent chatEvent)
    {
        relay?.Enqueue(topic, chatEvent);
        return DeliverAsync(topic, chatEvent);
    }

    /// <summary>To this instance's subscribers only: for what arrived from another instance, or is derived on each.</summary>
    internal async Task DeliverAsync(string topic, ChatEvent chatEvent)
    {
        var subscribers = Volatile.Read(ref topics).GetValueOrDefault(topic, []);
        if (subscribers.IsEmpty)
        {
            return;
        }

        metrics?.Delivered(subscribers.Length);

        // Started together, so one slow circuit does not delay the others; each failure stays its own.
        var deliveries = new Task[subscribers.Length];
        for (var i = 0; i < subscribers.Length; i++)
        {
            deliveries[i] = DeliverToAsync(subscribers[i], chatEvent);
        }

        // The leaver's own tabs were handed their MemberLeft just above (handlers are called before their first
        // await); from here on nothing of this community reaches them.
        if (chatEvent is MemberLeft left)
        {
            End(topic, left.UserId);
        }

        await Task.WhenAll(deliveries);
    }

    private async Task DeliverToAsync(Subscription subscription, ChatEvent chatEvent)
    {
        // Ended while this delivery waited its turn: the member is gone, the event is not theirs.
        if (subscription.Ended)
        {
            return;
        }

        try
        {
            await subscription.Handler(chatEvent);
        }
#pragma warning disable CA1031 // A dead circuit must not break delivery to the others.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogHandlerFailed(logger, e, subscription.Topic, chatEvent.GetType().Name);
        }
    }

    /// <summary>Ends every subscription of <paramref name="userId"/> on <paramref name="topic"/>.</summary>
    private void End(string topic, string userId)
    {
        lock (gate)
        {
            if (!topics.TryGetValue(topic, out var current))
            {
                return;
            }

            var ended = current.Where(s => s.UserId == userId).ToList();
            foreach (var subscription in ended)
            {
                subscription.Ended = true;
            }

            Keep(topic, current.RemoveRange(ended));
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (gate)
        {
            if (topics.TryGetValue(subscription.Topic, out var current))
            {
                Keep(subscription.Topic, current.Remove(subscription));
            }
        }
    }

    // Under the gate: what is left of a topic's subscribers, or the topic gone with its last one.
    private void Keep(string topic, ImmutableArray<Subscription> remaining) =>
        topics = remaining.IsEmpty ? topics.Remove(topic) : topics.SetItem(topic, remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of {Topic} failed to handle {Event}")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string topic, string @event);

    private sealed class Subscription(ChatHub hub, string topic, string? userId, Func<ChatEvent, Task> handler) : IDisposable
    {
        private volatile bool ended;

        public string Topic { get; } = topic;

        public string? UserId { get; } = userId;

        public Func<ChatEvent, Task> Handler { get; } = handler;

        public bool Ended
        {
            get => ended;
            set => ended = value;
        }

        public void Dispose() => hub.Unsubscribe(this);
    }
}
