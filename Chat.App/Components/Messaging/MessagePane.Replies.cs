namespace Chat.App.Components.Messaging;

/// <summary>
/// The pane's part of replies: which message the composer replies to, the jump from a quote to its original, and
/// keeping quotes right as originals are edited or deleted live.
/// </summary>
public sealed partial class MessagePane
{
    // The message the composer replies to; null while it writes a plain message.
    private ReplyDraft? replyDraft;

    /// <summary>"Reply" in a message's toolbar, or R on a message: the composer replies to it and takes the focus.</summary>
    private async Task StartReplyAsync(MessageView message)
    {
        replyDraft = new ReplyDraft(message.Id, message.AuthorDisplayName, message.AuthorId == userId);
        StateHasChanged();
        if (composer is not null)
        {
            await composer.FocusAsync();
        }
    }

    private void ToggleReplyNotify()
    {
        if (replyDraft is { } draft)
        {
            replyDraft = draft with { Notify = !draft.Notify };
        }
    }

    private async Task CancelReplyAsync()
    {
        replyDraft = null;
        StateHasChanged();
        if (composer is not null)
        {
            await composer.FocusAsync();
        }
    }

    /// <summary>
    /// A click on a reply's quote opens the original the way a mention from the inbox does: through the page's
    /// ?message= address, which loads older pages until it is there, scrolls to it and highlights it.
    /// </summary>
    private void JumpToOriginal(MessageView reply)
    {
        if (reply is { ReplyTo: not null, ReplyToId: { } originalId })
        {
            JumpTo(originalId);
        }
    }

    // An original edited live: its replies quote the new text.
    private void RequoteReplies(MessageView original)
    {
        for (var i = 0; i < window.Messages.Count; i++)
        {
            if (window.Messages[i].ReplyToId == original.Id)
            {
                window.Messages[i] = window.Messages[i] with { ReplyTo = ReplyQuote.Of(original.Id, original.AuthorDisplayName, original.Content) };
            }
        }
    }

    // An original deleted live: its replies say so, and the composer stops replying to it (the send would be refused).
    private void ForgetOriginal(long originalId)
    {
        for (var i = 0; i < window.Messages.Count; i++)
        {
            if (window.Messages[i].ReplyToId == originalId && window.Messages[i].ReplyTo is not null)
            {
                window.Messages[i] = window.Messages[i] with { ReplyTo = null };
            }
        }

        if (replyDraft?.MessageId == originalId)
        {
            replyDraft = null;
        }
    }
}
