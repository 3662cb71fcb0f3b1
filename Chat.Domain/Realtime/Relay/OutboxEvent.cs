namespace Chat.Domain.Realtime.Relay;

/// <summary>
/// An event one instance published, kept for an hour so that the others can read it: NOTIFY carries only its id,
/// origin and topic, and a listener that was disconnected catches up from these rows.
/// </summary>
public class OutboxEvent
{
    public const int OriginMaxLength = 64;
    public const int TopicMaxLength = 128;
    public const int KindMaxLength = 64;

    /// <summary>Grows, but not in commit order: two instances' transactions can commit the other way round.</summary>
    public long Id { get; set; }

    /// <summary>The <see cref="ChatInstance.Id"/> that published it; its own listener skips it.</summary>
    public string Origin { get; set; } = "";

    public string Topic { get; set; } = "";

    /// <summary>The event's type name, also the JSON discriminator; for people reading the table.</summary>
    public string Kind { get; set; } = "";

    public string Payload { get; set; } = "";

    /// <summary>The writing instance's clock when the row was written (a retried row gets the time of the retry).</summary>
    public DateTime CreatedAt { get; set; }
}
