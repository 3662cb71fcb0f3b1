using Chat.Domain.Channels;
using Chat.Domain.Text;
using Chat.Domain.Users;

namespace Chat.Domain.Messages;

public class Message
{
    public const int ContentMaxLength = 4000;

    private string content = "";

    /// <summary>Grows with time, so history pages by id (keyset) rather than by date or offset.</summary>
    public long Id { get; set; }

    public int ChannelId { get; set; }

    public string AuthorId { get; set; } = "";

    public string Content
    {
        get => content;
        set
        {
            content = value;
            SearchContent = SearchText.Fold(value);
        }
    }

    /// <summary>
    /// <see cref="SearchText.Fold"/> of the content, kept with it by the setter: each database's full-text index
    /// reads this copy, so accents and case match alike everywhere (docs/decisions/0012-message-search.md).
    /// </summary>
    public string SearchContent { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    /// <summary>Grows with each edit; an edit based on an older version is refused instead of overwriting.</summary>
    public int Version { get; set; }

    /// <summary>Chosen by the sender's client, unique per author, so a retried send is stored once.</summary>
    public Guid Nonce { get; set; }

    public MessageKind Kind { get; set; }

    /// <summary>
    /// For a <see cref="MessageKind.Pinned"/> line, the message that was pinned. No foreign key: the line stays in
    /// the history when that message is deleted, and then points at nothing.
    /// </summary>
    public long? PinnedMessageId { get; set; }
    /// <summary>
    /// The message this one replies to, always in the same channel. Deliberately no foreign key: messages are deleted
    /// for good, and a reply must still know that it answered something, so its quote can say the original is gone.
    /// </summary>
    public long? ReplyToId { get; set; }

    public Channel? Channel { get; set; }

    /// <summary>The message's pin, when it is pinned.</summary>
    public Pin? Pin { get; set; }

    public ChatUser? Author { get; set; }

    public List<MessageRevision> Revisions { get; set; } = [];
}
