namespace Chat.Load.Measuring;

/// <summary>When a receiver first saw a message: its sequence number and the Stopwatch timestamp.</summary>
internal readonly record struct Delivery(int Seq, long ReceivedAt);

/// <summary>
/// One member's end of a connection: finds the tokens of <paramref name="log"/> in everything the connection
/// receives and records the first arrival of each message, except the member's own.
/// </summary>
internal sealed class Receiver(MessageLog log, int index, int instance)
{
    private readonly bool[] seen = new bool[log.Capacity];
    private readonly List<int> found = [];
    private readonly List<Delivery> deliveries = [];

    /// <summary>The user's number (the sender id in the log).</summary>
    public int Index { get; } = index;

    /// <summary>Which app process the connection goes to, from 1.</summary>
    public int Instance { get; } = instance;

    /// <summary>Called by the connection's receive loop only, with the time the bytes arrived.</summary>
    public void OnReceived(ReadOnlySpan<byte> data, long receivedAt)
    {
        found.Clear();
        log.Find(data, found);
        foreach (var seq in found)
        {
            // SentAt first: it is written last by the sender, so the sender's id is there once it is non-zero.
            if (seen[seq] || log.SentAt(seq) == 0)
            {
                continue;
            }

            seen[seq] = true;
            if (log.SenderOf(seq) == Index)
            {
                continue;
            }

            lock (deliveries)
            {
                deliveries.Add(new Delivery(seq, receivedAt));
            }

            log.CountDelivery(seq);
        }
    }

    /// <summary>The deliveries of messages <paramref name="first"/> to <paramref name="end"/> (exclusive) so far.</summary>
    public List<Delivery> DeliveriesBetween(int first, int end)
    {
        lock (deliveries)
        {
            return deliveries.Where(d => d.Seq >= first && d.Seq < end).ToList();
        }
    }
}
