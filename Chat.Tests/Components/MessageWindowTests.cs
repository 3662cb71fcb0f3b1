using Chat.App.Components.Messaging;
using Chat.Domain.Messages;

namespace Chat.Tests.Components;

/// <summary>The pane's list of loaded messages: order by id, edits, blocks, and trimming the oldest.</summary>
public sealed class MessageWindowTests
{
    private readonly MessageWindow window = new();

    [Fact]
    public void Merge_PagesAndEventsInAnyOrder_KeepsIdOrderWithoutDuplicates()
    {
        window.Merge([Message(5), Message(7)]);
        window.Merge([Message(6), Message(2), Message(7)]);
        window.Merge([Message(9)]);

        Assert.Equal([2, 5, 6, 7, 9], Ids());
    }

    [Fact]
    public void Merge_EditedCopy_ReplacesTheMessage_AnOlderCopyDoesNot()
    {
        window.Merge([Message(1), Message(2)]);
        var edited = Message(2, version: 1, text: "edited");

        window.Merge([edited]);
        window.Merge([Message(2, version: 0, text: "late event")]);

        Assert.Same(edited, window.Messages[1]);
        Assert.Equal(2, window.Messages.Count);
    }

    [Fact]
    public void Blocks_CutEveryBlockSizeMessages_EachWithTheMessageBeforeIt()
    {
        var count = (2 * MessageWindow.BlockSize) + 3;
        window.Merge(Range(1, count));

        var blocks = window.Blocks();

        Assert.Equal([MessageWindow.BlockSize, MessageWindow.BlockSize, 3], blocks.Select(b => b.Messages.Length));
        Assert.Null(blocks[0].Previous);
        Assert.Equal(MessageWindow.BlockSize, blocks[1].Previous?.Id);
        Assert.Equal(Ids(), blocks.SelectMany(b => b.Messages).Select(m => m.Id));
    }

    [Fact]
    public void Blocks_AfterAnOlderPageWentInAbove_KeepTheirBoundaries()
    {
        window.Merge(Range(100, 20));
        var before = window.Blocks();

        window.Merge(Range(1, 10));
        var after = window.Blocks();

        Assert.Equal([10, MessageWindow.BlockSize, 4], after.Select(b => b.Messages.Length));
        Assert.Same(before[0].Messages, after[1].Messages);
        Assert.Same(before[1].Messages, after[2].Messages);
        Assert.Equal(10, after[1].Previous?.Id);
    }

    [Fact]
    public void Blocks_OnlyTheBlockOfAChangedMessage_IsANewArray()
    {
        window.Merge(Range(1, 2 * MessageWindow.BlockSize));
        var before = window.Blocks();

        window.Messages[MessageWindow.BlockSize + 1] = window.Messages[MessageWindow.BlockSize + 1] with { IsPinned = true };
        var after = window.Blocks();

        Assert.Same(before[0].Messages, after[0].Messages);
        Assert.NotSame(before[1].Messages, after[1].Messages);
        Assert.True(after[1].Messages[1].IsPinned);
    }

    [Fact]
    public void TrimOldest_WhileTheReaderLooksAtOlderMessages_KeepsThemAll()
    {
        var count = MessageWindow.MaxMessages + (3 * MessageWindow.BlockSize);
        window.Merge(Range(1, count));

        Assert.False(window.TrimOldest(atBottom: false));
        Assert.Equal(count, window.Messages.Count);
    }

    [Fact]
    public void TrimOldest_WithinABlockOverTheLimit_KeepsThemAll()
    {
        var count = MessageWindow.MaxMessages + MessageWindow.BlockSize;
        window.Merge(Range(1, count));

        Assert.False(window.TrimOldest(atBottom: true));
        Assert.Equal(count, window.Messages.Count);
    }

    [Fact]
    public void TrimOldest_BeyondTheLimit_DropsWholeOldestBlocks_KeepingTheNewest()
    {
        var count = MessageWindow.MaxMessages + MessageWindow.BlockSize + 1;
        window.Merge(Range(1, count));

        Assert.True(window.TrimOldest(atBottom: true));

        // One block of the oldest went: one more would leave fewer than the limit.
        Assert.Equal(Enumerable.Range(MessageWindow.BlockSize + 1, count - MessageWindow.BlockSize).Select(i => (long)i), Ids());
        Assert.Null(window.Blocks()[0].Previous);
    }

    [Fact]
    public void TrimOldest_LongStream_StaysWithinTheLimitAndABlock()
    {
        for (var id = 1; id <= 5 * MessageWindow.MaxMessages; id++)
        {
            window.Merge([Message(id)]);
            window.TrimOldest(atBottom: true);
        }

        Assert.InRange(window.Messages.Count, MessageWindow.MaxMessages, MessageWindow.MaxMessages + MessageWindow.BlockSize);
        Assert.Equal(5 * MessageWindow.MaxMessages, window.Messages[^1].Id);
    }

    [Fact]
    public void Clear_ForgetsMessagesAndBlocks()
    {
        window.Merge(Range(10, 5));
        window.Merge(Range(1, 5));

        window.Clear();
        window.Merge(Range(1, 20));

        Assert.Equal([MessageWindow.BlockSize, 4], window.Blocks().Select(b => b.Messages.Length));
    }

    private List<long> Ids() => [.. window.Messages.Select(m => m.Id)];

    private static IEnumerable<MessageView> Range(long first, int count) =>
        [.. Enumerable.Range(0, count).Select(i => Message(first + i))];

    private static MessageView Message(long id, int version = 0, string? text = null) =>
        new(id, 1, "ana-id", "ana", "Ana", text ?? $"message {id}", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(id), null, version);
}
