using Chat.Domain.Realtime;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The pane's part of the hub: which events of the server concern the open channel, and how each changes the
/// loaded messages, the typing line and the live announcement. The subscription itself is made in
/// OnParametersSetAsync, before the history loads.
/// </summary>
public sealed partial class MessagePane
{
    // Made at the first typing event: an idle tab does not pay for its timer.
    private TypingTracker? typing;
    // Made at the first message to announce: an idle tab does not pay for it.
    private MessageAnnouncer? announcer;

    private IReadOnlyList<string> TypingNames => typing?.Names ?? [];

    private static bool Concerns(ChatEvent chatEvent, int channelId) => chatEvent switch
    {
        MessagePosted posted => posted.Message.ChannelId == channelId,
        MessageEdited edited => edited.Message.ChannelId == channelId,
        MessageDeleted deleted => deleted.ChannelId == channelId,
        ReactionsChanged reacted => reacted.ChannelId == channelId,
        PinsChanged pinned => pinned.ChannelId == channelId,
        UserTyping typed => typed.ChannelId == channelId,
        MemberLeft or CommunityDeleted or UserProfileChanged => true,
        _ => false,
    };

    private async Task ApplyAsync(ChatEvent chatEvent)
    {
        if (Channel is not { } channel)
        {
            return;
        }

        switch (chatEvent)
        {
            case MessagePosted posted when posted.Message.ChannelId == channel.Id:
                Announce(posted.Message);
                window.Merge([posted.Message]);
                TrimOldest();
                typing?.Remove(posted.Message.AuthorId);
                ReadMarker.Schedule(now: MentionParser.Mentions(posted.Message.Content, userName));
                break;
            case MessageEdited edited when edited.Message.ChannelId == channel.Id:
                window.Merge([KeepReactions(edited.Message)]);
                RequoteReplies(edited.Message);
                break;
            case ReactionsChanged reacted when reacted.ChannelId == channel.Id:
                ApplyReactions(reacted);
                break;
            case PinsChanged pinned when pinned.ChannelId == channel.Id:
                ApplyPins(pinned);
                break;
            case MessageDeleted deleted when deleted.ChannelId == channel.Id:
                window.Messages.RemoveAll(m => m.Id == deleted.MessageId);
                ForgetOriginal(deleted.MessageId);
                if (editingId == deleted.MessageId)
                {
                    editingId = null;
                }

                if (pickerMessageId == deleted.MessageId)
                {
                    pickerMessageId = null;
                }

                break;
            case MemberLeft left when left.UserId == userId:
            case CommunityDeleted:
                // No longer a member: nothing more of this server may reach this tab.
                subscription?.Dispose();
                window.Messages.Clear();
                break;
            case UserProfileChanged profile when window.Messages.Exists(m => m.AuthorId == profile.UserId):
                // New records, so each of the author's messages sees a changed parameter and redraws its header.
                for (var i = 0; i < window.Messages.Count; i++)
                {
                    if (window.Messages[i].AuthorId == profile.UserId)
                    {
                        window.Messages[i] = window.Messages[i] with
                        {
                            AuthorDisplayName = profile.DisplayName,
                            AuthorAvatarVersion = profile.AvatarVersion,
                        };
                    }
                }

                break;
            case UserTyping typed when typed.ChannelId == channel.Id && typed.UserId != userId:
                typing ??= new TypingTracker(Clock, () => InvokeAsync(() =>
                {
                    if (typing?.Expire() == true)
                    {
                        StateHasChanged();
                    }
                }));
                typing.Add(typed.UserId, typed.DisplayName);
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    // Someone else's new message, once the history is in: the reader's own (from any tab) and messages already in the
    // list (loaded with the history, or a repeated event) stay silent.
    private void Announce(MessageView message)
    {
        if (!loaded || message.AuthorId == userId || window.Messages.Exists(m => m.Id == message.Id))
        {
            return;
        }

        announcer ??= new MessageAnnouncer(Clock, () => InvokeAsync(() =>
        {
            announcer?.Flush();
            StateHasChanged();
        }));
        announcer.Add(message);
    }
}
