using System.Text.Json.Serialization;
using Chat.Domain.Attachments;

namespace Chat.Domain.Messages;

public sealed record MessageView(
    long Id,
    int ChannelId,
    string AuthorId,
    string AuthorUserName,
    string AuthorDisplayName,
    string Content,
    DateTime CreatedAt,
    DateTime? EditedAt,
    int Version = 0,
    int AuthorAvatarVersion = 0)
{
    /// <summary>The message's reactions, in the order their emoji were first used; empty when it has none.</summary>
    public IReadOnlyList<ReactionSummary> Reactions { get; init; } = [];

    /// <summary>A member's message, or a line the app wrote (someone pinned <see cref="PinnedMessageId"/>).</summary>
    public MessageKind Kind { get; init; }

    public long? PinnedMessageId { get; init; }

    /// <summary>Pinned to its channel: the message shows a pin.</summary>
    public bool IsPinned { get; init; }
    /// <summary>The message this one replies to; null when it is no reply.</summary>
    public long? ReplyToId { get; init; }

    /// <summary>The quote of the original a reply shows; null when it is no reply or the original was deleted.</summary>
    public ReplyQuote? ReplyTo { get; init; }

    /// <summary>The message's files, in upload order; empty when it has none.</summary>
    public IReadOnlyList<AttachmentView> Attachments { get; init; } = [];

    /// <summary>A reply whose original was deleted: its quote says so.</summary>
    [JsonIgnore]
    public bool RepliesToDeleted => ReplyToId is not null && ReplyTo is null;

    /// <summary>
    /// By value, the reactions too (a record compares a list by reference, and one read back from an event's JSON
    /// is another list). A new property must join this comparison.
    /// </summary>
    public bool Equals(MessageView? other) =>
        other is not null
        && (Id, ChannelId, AuthorId, AuthorUserName, AuthorDisplayName, Content, CreatedAt, EditedAt, Version, AuthorAvatarVersion)
        == (other.Id, other.ChannelId, other.AuthorId, other.AuthorUserName, other.AuthorDisplayName, other.Content,
            other.CreatedAt, other.EditedAt, other.Version, other.AuthorAvatarVersion)
        && (Kind, PinnedMessageId, IsPinned) == (other.Kind, other.PinnedMessageId, other.IsPinned)
        && Reactions.SequenceEqual(other.Reactions)
        && Attachments.SequenceEqual(other.Attachments)
        && ReplyToId == other.ReplyToId && Equals(ReplyTo, other.ReplyTo);

    public override int GetHashCode() => HashCode.Combine(Id, Version, Content, Reactions.Count);
}
