using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Chat.Load.Measuring;

/// <summary>
/// The messages of one kind of round (chat or baseline): each text carries a token, this log's prefix and a
/// six-digit sequence number, which receivers look for in the bytes they get. The log holds when each message was
/// sent and by whom, and how many receivers got it so far.
/// </summary>
internal sealed class MessageLog
{
    public const int Digits = 6;

    /// <summary>Stopwatch timestamps; 0 until sent.</summary>
    private readonly long[] sentAt;
    private readonly int[] senders;
    private readonly int[] delivered;
    private int count;

    public MessageLog(int capacity)
    {
        if (capacity >= (int)Math.Pow(10, Digits))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Too many messages for the token's digits.");
        }

        // Random per log, so that no other text on the page and no other kind of round matches.
        Prefix = "lt" + string.Concat(Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26))));
        PrefixUtf8 = Encoding.ASCII.GetBytes(Prefix);
        sentAt = new long[capacity];
        senders = new int[capacity];
        delivered = new int[capacity];
    }

    public string Prefix { get; }

    public byte[] PrefixUtf8 { get; }

    public int Capacity => sentAt.Length;

    /// <summary>Messages taken so far; the next one gets this sequence number.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Takes the next sequence number for a message from <paramref name="sender"/> (-1: the server itself).</summary>
    public int Next(int sender)
    {
        var seq = Interlocked.Increment(ref count) - 1;
        if (seq >= Capacity)
        {
            throw new InvalidOperationException($"More than {Capacity} messages in one run.");
        }

        senders[seq] = sender;
        return seq;
    }

    public string Token(int seq) => Prefix + seq.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Call just before the message leaves, so no receiver can see it earlier.</summary>
    public void MarkSent(int seq) => Volatile.Write(ref sentAt[seq], Stopwatch.GetTimestamp());

    public long SentAt(int seq) => Volatile.Read(ref sentAt[seq]);

    public int SenderOf(int seq) => senders[seq];

    public void CountDelivery(int seq) => Interlocked.Increment(ref delivered[seq]);

    public long DeliveredBetween(int first, int end)
    {
        long total = 0;
        for (var seq = first; seq < end; seq++)
        {
            total += Volatile.Read(ref delivered[seq]);
        }

        return total;
    }

    /// <summary>Adds the sequence number of every token in <paramref name="data"/> to <paramref name="found"/>.</summary>
    public void Find(ReadOnlySpan<byte> data, List<int> found)
    {
        var offset = 0;
        while (true)
        {
            var at = data[offset..].IndexOf(PrefixUtf8);
            if (at < 0)
            {
                return;
            }

            var digits = offset + at + PrefixUtf8.Length;
            if (digits + Digits > data.Length)
            {
                return;
            }

            var seq = 0;
            var valid = true;
            foreach (var b in data.Slice(digits, Digits))
            {
                valid &= b is >= (byte)'0' and <= (byte)'9';
                seq = (seq * 10) + (b - '0');
            }

            if (valid && seq < Capacity)
            {
                found.Add(seq);
            }

            offset = digits;
        }
    }
}
