using Chat.App.Components.Common;
using Chat.Domain.Realtime;
using MudBlazor;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The pane's part of pins: Pin and Unpin in the toolbar for the owner and admins, the pinned list from the header
/// or a "pinned a message" line, the jump to a pinned message, and pins and unpins applied live.
/// </summary>
public sealed partial class MessagePane
{
    [Inject]
    private PinService Pins { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>
    /// The reader is the server's owner or an admin: their toolbars offer Pin and Unpin. Only what is shown; the
    /// pin service checks the role itself.
    /// </summary>
    [Parameter]
    public bool CanPin { get; set; }

    // A pin button of a message, or one of the two buttons of a "pinned a message" line.
    private async Task OnPinActionAsync(MessageView message, string action)
    {
        switch (action)
        {
            case PinActions.Pin:
                await RunPinActionAsync(() => Pins.PinAsync(userId, message.Id), message.Id, pinned: true);
                break;
            case PinActions.Unpin:
                await RunPinActionAsync(() => Pins.UnpinAsync(userId, message.Id), message.Id, pinned: false);
                break;
            case PinActions.List:
                await OpenPinnedAsync();
                break;
            case PinActions.Jump when message.PinnedMessageId is { } pinned:
                JumpTo(pinned);
                break;
        }
    }

    // A refusal (the limit, too fast, no longer an admin) shows where the message actions' errors show.
    private async Task RunPinActionAsync(Func<Task> action, long messageId, bool pinned)
    {
        var pin = new UserAction();
        if (await pin.RunAsync(action))
        {
            SetPinned(messageId, pinned);
        }

        actionError = pin.Error;
    }

    /// <summary>
    /// Opens the pinned list without waiting for it: a line's button calls from the script, which must get its answer
    /// at once. Choosing a message closes the list and jumps to it.
    /// </summary>
    private async Task OpenPinnedAsync()
    {
        if (Channel is not { } channel)
        {
            return;
        }

        var parameters = new DialogParameters<PinnedList>
        {
            { d => d.UserId, userId },
            { d => d.ChannelId, channel.Id },
            { d => d.OnChosen, messageId => InvokeAsync(() => JumpTo(messageId)) },
        };
        await Dialogs.ShowAsync<PinnedList>(L["PinnedMessages"], parameters, ChatDialogs.Options);
    }

    // The same way as a mention from the inbox: through the address, so the page loads older pages and highlights.
    // For a pin chosen from the list or a line, and a reply's quote.
    private void JumpTo(long messageId)
    {
        if (Channel is not { } channel)
        {
            return;
        }

        // Chosen again: scroll to it again, even when it is the message highlighted already.
        scrolledToHighlight = null;
        Navigation.NavigateTo(MessageLink.To(channel.CommunityId, channel.Id, messageId));
    }

    private void ApplyPins(PinsChanged changed) => SetPinned(changed.MessageId, changed.Pinned);

    // A new record, so the message (and its block) see a change and redraw.
    private void SetPinned(long messageId, bool pinned)
    {
        var index = window.Messages.FindIndex(m => m.Id == messageId);
        if (index >= 0 && window.Messages[index].IsPinned != pinned)
        {
            window.Messages[index] = window.Messages[index] with { IsPinned = pinned };
        }
    }
}
