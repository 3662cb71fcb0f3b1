using Chat.App.Localization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The pane's part of a message's buttons: chat.js passes each click as a message id and an action name, which goes
/// to its flow here (edit, delete, mark unread, earlier versions) or to the part that owns it (replies, reactions,
/// pins, profile cards).
/// </summary>
public sealed partial class MessagePane
{
    private long? editingId;
    private string? editError;
    // A refused action on a message that has no form of its own (mark unread), shown above the composer.
    private string? actionError;

    private void EditLast()
    {
        var last = window.Messages.LastOrDefault(m => m.AuthorId == userId);
        if (last is not null)
        {
            StartEdit(last);
        }
    }

    /// <summary>A click on a message's button (chat.js passes the message id and the button's data-action).</summary>
    [JSInvokable]
    public async Task OnMessageActionAsync(long messageId, string action)
    {
        if (window.Messages.Find(m => m.Id == messageId) is not { } message)
        {
            return;
        }

        // The services check that the reader may do this (edit and delete only their own messages).
        switch (action)
        {
            case "edit" when message.AuthorId == userId:
                StartEdit(message);
                break;
            case "delete" when message.AuthorId == userId:
                await AskDeleteAsync(message);
                break;
            case "unread":
                await MarkUnreadAsync(message);
                break;
            case "history":
                await ShowHistoryAsync(message);
                break;
            case ReplyActions.Reply:
                await StartReplyAsync(message);
                break;
            case ReplyActions.JumpToOriginal:
                JumpToOriginal(message);
                break;
            case ReactionActions.OpenPicker:
                pickerMessageId = message.Id;
                break;
            case ProfileCardActions.Open:
                await OpenProfileCardAsync(message);
                break;
            case var pin when PinActions.IsPinAction(pin):
                await OnPinActionAsync(message, pin);
                break;
            default:
                if (ReactionActions.EmojiOf(action) is not { } emoji)
                {
                    return;
                }

                await ToggleReactionAsync(message.Id, emoji);
                break;
        }

        StateHasChanged();
    }

    private void StartEdit(MessageView message)
    {
        editingId = message.Id;
        editError = null;
    }

    /// <summary>Wires the keys of a message's editor (Enter saves, Escape cancels) and puts the caret in it.</summary>
    internal async Task AttachEditorAsync(ElementReference editor, DotNetObjectReference<MessageItem> item)
    {
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/chat.js");
        await module.InvokeVoidAsync("attachComposer", editor, item);
        await module.InvokeVoidAsync("focus", editor);
    }

    /// <summary>The editor of a message closes without saving (Escape, or its Cancel button).</summary>
    internal async Task CancelEditAsync()
    {
        editingId = null;
        editError = null;
        StateHasChanged();
        if (composer is not null)
        {
            await composer.FocusAsync();
        }
    }

    /// <summary>The editor of a message saves (Enter, or its Save button); a refusal shows in the editor.</summary>
    internal async Task SaveEditAsync(MessageView message, string text)
    {
        try
        {
            var saved = await Messages.EditAsync(userId, message.Id, text, message.Version);
            window.Merge([KeepReactions(saved)]);
            await CancelEditAsync();
        }
        catch (DomainException e)
        {
            editError = e.Describe();
            StateHasChanged();
        }
    }

    /// <summary>A refusal (too fast, or no longer allowed) stays in the open dialog, which can be tried again.</summary>
    private async Task AskDeleteAsync(MessageView message) =>
        await Dialogs.ShowConfirmAsync(L["DeleteTitle"], Shared["Delete"], DeleteQuestion(message), async () =>
        {
            await Messages.DeleteAsync(userId, message.Id);
            window.Messages.RemoveAll(m => m.Id == message.Id);
            StateHasChanged();
        });

    private async Task MarkUnreadAsync(MessageView message)
    {
        actionError = null;
        readMarker?.Cancel();
        try
        {
            await ReadState.MarkUnreadAsync(userId, message.ChannelId, message.Id);
        }
        catch (DomainException e)
        {
            actionError = e.Describe();
            return;
        }

        var index = window.Messages.FindIndex(m => m.Id == message.Id);
        dividerAfterId = index > 0 ? window.Messages[index - 1].Id : message.Id - 1;
    }

    private async Task ShowHistoryAsync(MessageView message) =>
        await Dialogs.ShowAsync<RevisionsDialog>(L["EarlierVersions"],
            new DialogParameters<RevisionsDialog> { { d => d.Revisions, await Messages.GetRevisionsAsync(userId, message.Id) } },
            ChatDialogs.Options);
}
