using System.Reflection;
using Chat.App.Components.Messaging;
using Chat.Domain.Messages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.Logging.Abstractions;

// Counting frames means reading the render tree, which Blazor keeps for itself: this test watches a cost of ours in it.
#pragma warning disable BL0006

namespace Chat.Tests.Components;

/// <summary>
/// A message is drawn in every open tab of its channel, and Blazor keeps its render tree in buffers that grow by
/// doubling from 32 frames: a message of 33 frames keeps twice the memory of one of 32 (docs/performance.md).
/// </summary>
public sealed class MessageItemFramesTests
{
    private const int FirstBufferFrames = 32;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MessageItem_WithHeader_FitsInBlazorsFirstFrameBuffer(bool isOwn)
    {
        var message = new MessageView(7, 1, "author-id", "ann", "Ann Park", "hello **there**",
            new DateTime(2026, 1, 2, 10, 30, 0, DateTimeKind.Utc), null);

        var frames = await CountFramesAsync(message, isOwn);

        Assert.InRange(frames, 1, FirstBufferFrames);
    }

    private static async Task<int> CountFramesAsync(MessageView message, bool isOwn)
    {
        // The item reads the reader's time zone from its pane; a pane that never renders is enough.
        var pane = new MessagePane();
        typeof(MessagePane).GetProperty("TimeZone", BindingFlags.Instance | BindingFlags.NonPublic)!
            .SetValue(pane, new ReaderTimeZone());
        using var renderer = new FrameRenderer();
        RenderFragment item = b =>
        {
            b.OpenComponent<MessageItem>(0);
            b.AddComponentParameter(1, nameof(MessageItem.Message), message);
            b.AddComponentParameter(2, nameof(MessageItem.IsOwn), isOwn);
            b.AddComponentParameter(3, nameof(MessageItem.ShowHeader), true);
            b.CloseComponent();
        };
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = new CascadingValue<MessagePane>();
            var rootId = renderer.Attach(root);
            await renderer.RenderAsync(rootId, ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(CascadingValue<MessagePane>.Value)] = pane,
                [nameof(CascadingValue<MessagePane>.IsFixed)] = true,
                [nameof(CascadingValue<MessagePane>.ChildContent)] = item,
            }));
            return renderer.FramesOf<MessageItem>(rootId);
        });
    }

    private sealed class FrameRenderer() : Renderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance)
    {
        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        public int Attach(IComponent component) => AssignRootComponentId(component);

        public Task RenderAsync(int componentId, ParameterView parameters) => RenderRootComponentAsync(componentId, parameters);

        /// <summary>The frames of the first component of type T under the given one.</summary>
        public int FramesOf<T>(int componentId)
        {
            var frames = GetCurrentRenderTreeFrames(componentId);
            for (var i = 0; i < frames.Count; i++)
            {
                var frame = frames.Array[i];
                if (frame.FrameType != RenderTreeFrameType.Component)
                {
                    continue;
                }

                if (frame.Component is T)
                {
                    return GetCurrentRenderTreeFrames(frame.ComponentId).Count;
                }

                if (FramesOf<T>(frame.ComponentId) is > 0 and var found)
                {
                    return found;
                }
            }

            return 0;
        }

        protected override void HandleException(Exception exception) => throw exception;

        protected override Task UpdateDisplayAsync(in RenderBatch renderBatch) => Task.CompletedTask;
    }
}
