using System.Diagnostics.Metrics;

namespace Chat.Domain.Diagnostics;

/// <summary>
/// Chat's own measurements, in the <c>Chat</c> meter; the app exports them with the framework's (README,
/// "Observability"). Open tabs are the framework's <c>aspnetcore.components.circuit.active</c>, not counted again here.
/// </summary>
public sealed class ChatMetrics
{
    public const string MeterName = "Chat";

    private readonly Counter<long> messagesSent;
    private readonly Counter<long> deliveries;
    private readonly Histogram<double> relayLag;

    public ChatMetrics(IMeterFactory meterFactory)
    {
        // From the factory, so that each app (and each test host) has its own meter and its own counts.
        var meter = meterFactory.Create(MeterName);
        messagesSent = meter.CreateCounter<long>(
            "chat.messages.sent", "{message}", "Messages stored and published by this instance.");
        deliveries = meter.CreateCounter<long>(
            "chat.events.delivered", "{delivery}", "Live events handed to the open tabs of this instance, one per tab that listens.");
        relayLag = meter.CreateHistogram<double>(
            "chat.relay.lag", "s", "From the moment another instance wrote an event to the outbox until it was delivered here.");
    }

    public void MessageSent() => messagesSent.Add(1);

    public void Delivered(int listeners) => deliveries.Add(listeners);

    /// <param name="kind">The event's kind, e.g. MessagePosted or PresenceReported.</param>
    public void Relayed(string kind, TimeSpan lag) =>
        relayLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("chat.event", kind));
}
