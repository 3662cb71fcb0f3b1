namespace Chat.App.Components.Messaging;

/// <summary>
/// The slice of a channel that one pane holds: messages in id order without duplicates, whatever order pages and
/// live events arrive in, cut into the blocks that <see cref="MessageBlock"/> draws, and trimmed at the oldest so a
/// tab left open on a busy channel does not grow without end. Plain data, no component: the pane's rules for the
/// list can be tested without rendering, and the pane keeps only the flows around it.
/// </summary>
public sealed class MessageWindow
{
    /// <summary>
    /// Messages are drawn in blocks of this many, so a new message redraws one block, not the list.
    /// </summary>
    public const int BlockSize = 16;

    /// <summary>
    /// A tab keeps at most this many messages (plus a block) while the reader is at the newest: the oldest go, and
    /// scrolling up loads them again. Each kept message costs its component and two render-tree buffers in every open
    /// tab (a few KB): two pages, not more.
    /// </summary>
    public const int MaxMessages = 2 * MessageService.PageSize;

    private Dictionary<long, MessageView[]> drawnBlocks = [];

    // Messages that start a block besides the first and every BlockSize-th after a start: the first message
    // before an older page went in above it, so the blocks below keep their boundaries (and their elements).
    private readonly HashSet<long> blockStarts = [];

    /// <summary>
    /// The messages, oldest first. Callers may replace one by a new record of the same message (a reaction, a pin, a
    /// new name) or remove some; new messages and pages go through <see cref="Merge"/>, which keeps the order.
    /// </summary>
    public List<MessageView> Messages { get; } = [];

    /// <summary>Another channel: nothing of the last one stays.</summary>
    public void Clear()
    {
        Messages.Clear();
        blockStarts.Clear();
        drawnBlocks = [];
    }

    /// <summary>
    /// Puts each message in its place by id. A copy of one already held replaces it unless it is older (a lower
    /// version), so a late event cannot undo an edit.
    /// </summary>
    public void Merge(IEnumerable<MessageView> incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var messages = Messages;
        var first = messages.Count > 0 ? messages[0] : null;
        foreach (var message in incoming)
        {
            var index = messages.BinarySearch(message, MessageOrder.Instance);
            if (index >= 0)
            {
                if (message.Version >= messages[index].Version)
                {
                    messages[index] = message;
                }
            }
            else
            {
                messages.Insert(~index, message);
            }
        }

        // An older page went in above: the blocks that were there keep their boundaries.
        if (first is not null && !ReferenceEquals(messages[0], first))
        {
            blockStarts.Add(first.Id);
        }
    }

    /// <summary>
    /// Forgets the oldest messages beyond <see cref="MaxMessages"/> (once more than a block over it), but never while
    /// the reader is looking at older ones. Whole blocks go, so the remaining ones keep their boundaries. True when
    /// some went: there are older messages to load again.
    /// </summary>
    public bool TrimOldest(bool atBottom)
    {
        var messages = Messages;
        if (!atBottom || messages.Count <= MaxMessages + BlockSize)
        {
            return false;
        }

        var removed = 0;
        foreach (var (block, _) in Blocks())
        {
            if (messages.Count - removed - block.Length < MaxMessages)
            {
                break;
            }

            removed += block.Length;
        }

        messages.RemoveRange(0, removed);
        blockStarts.RemoveWhere(id => messages.Count == 0 || id <= messages[0].Id);
        return true;
    }

    /// <summary>
    /// The blocks to draw, each with the message before it. A block ends after <see cref="BlockSize"/> messages or
    /// where another starts. A block whose messages are all the same instances as last time is handed over as the
    /// same array, which MessageBlock takes as "nothing to draw".
    /// </summary>
    public List<(MessageView[] Messages, MessageView? Previous)> Blocks()
    {
        var messages = Messages;
        var blocks = new List<(MessageView[], MessageView?)>();
        var drawn = new Dictionary<long, MessageView[]>();
        var start = 0;
        while (start < messages.Count)
        {
            var length = 1;
            while (start + length < messages.Count && length < BlockSize && !blockStarts.Contains(messages[start + length].Id))
            {
                length++;
            }

            var block = drawnBlocks.GetValueOrDefault(messages[start].Id) is { } earlier && SameMessages(earlier, start, length)
                ? earlier
                : messages.GetRange(start, length).ToArray();
            drawn[block[0].Id] = block;
            blocks.Add((block, start > 0 ? messages[start - 1] : null));
            start += length;
        }

        drawnBlocks = drawn;
        return blocks;
    }

    private bool SameMessages(MessageView[] earlier, int start, int length)
    {
        if (earlier.Length != length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            if (!ReferenceEquals(earlier[i], Messages[start + i]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class MessageOrder : IComparer<MessageView>
    {
        public static readonly MessageOrder Instance = new();

        public int Compare(MessageView? x, MessageView? y) => (x?.Id ?? 0).CompareTo(y?.Id ?? 0);
    }
}
