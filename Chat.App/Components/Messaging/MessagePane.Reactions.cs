using Chat.App.Localization;
using Chat.Domain.Realtime;
using Microsoft.JSInterop;

namespace Chat.App.Components.Messaging;

/// <summary>The pane's part of reactions: the one picker, toggling the reader's own, and applying others' live.</summary>
public sealed partial class MessagePane
{
    // The message whose "Add reaction" opened the picker; null while it is closed.
    private long? pickerMessageId;

    [Inject]
    private ReactionService Reactions { get; set; } = default!;

    private async Task ChooseReactionAsync(string emoji)
    {
        if (pickerMessageId is not { } messageId)
        {
            return;
        }

        await ToggleReactionAsync(messageId, emoji);
        await ClosePickerAsync();
    }

    /// <summary>The picker closes (an emoji was chosen, Escape, Close); focus goes back to the button that opened it.</summary>
    private async Task ClosePickerAsync()
    {
        if (pickerMessageId is not { } messageId)
        {
            return;
        }

        pickerMessageId = null;
        StateHasChanged();
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/chat.js");
        await module.InvokeVoidAsync("focusMessageAction", messageId, ReactionActions.OpenPicker);
    }

    // A refusal (too many emoji, too fast, no longer a member) shows where the message actions' errors show.
    private async Task ToggleReactionAsync(long messageId, string emoji)
    {
        actionError = null;
        try
        {
            var now = await Reactions.ToggleReactionAsync(userId, messageId, emoji);
            SetReactions(messageId, now);
        }
        catch (DomainException e)
        {
            actionError = e.Describe();
        }

        StateHasChanged();
    }

    // The event carries everyone's counts and names; whether the reader reacted stays as this pane knew it, except
    // for the emoji the reader themselves just toggled (in this tab or another).
    private void ApplyReactions(ReactionsChanged changed)
    {
        if (window.Messages.Find(m => m.Id == changed.MessageId) is not { } message)
        {
            return;
        }

        var mine = message.Reactions.Where(r => r.Mine).Select(r => r.Emoji).ToHashSet(StringComparer.Ordinal);
        if (changed.UserId == userId)
        {
            if (changed.Added)
            {
                mine.Add(changed.Emoji);
            }
            else
            {
                mine.Remove(changed.Emoji);
            }
        }

        SetReactions(changed.MessageId, [.. changed.Reactions.Select(r => r with { Mine = mine.Contains(r.Emoji) })]);
    }

    // A new record, so the message (and its block) see a change and redraw.
    private void SetReactions(long messageId, IReadOnlyList<ReactionSummary> reactions)
    {
        var index = window.Messages.FindIndex(m => m.Id == messageId);
        if (index >= 0)
        {
            window.Messages[index] = window.Messages[index] with { Reactions = reactions };
        }
    }

    // An edit's view is read without reactions: the message keeps those it has.
    private MessageView KeepReactions(MessageView edited) =>
        window.Messages.Find(m => m.Id == edited.Id) is { Reactions.Count: > 0 } shown ? edited with { Reactions = shown.Reactions } : edited;
}
