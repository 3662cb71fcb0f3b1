using System.Text.Json.Serialization;
using Chat.Domain.Channels;
using Chat.Domain.Communities;
using Chat.Domain.Messages;

namespace Chat.Domain.Realtime;

/// <summary>
/// Something that happened and was committed; named noun + past verb. The relay between instances stores events
/// as JSON with their kind as the discriminator, so every concrete event needs its line here (a test checks).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(MessagePosted), nameof(MessagePosted))]
[JsonDerivedType(typeof(MessageEdited), nameof(MessageEdited))]
[JsonDerivedType(typeof(MessageDeleted), nameof(MessageDeleted))]
[JsonDerivedType(typeof(ReactionsChanged), nameof(ReactionsChanged))]
[JsonDerivedType(typeof(PinsChanged), nameof(PinsChanged))]
[JsonDerivedType(typeof(ChannelCreated), nameof(ChannelCreated))]
[JsonDerivedType(typeof(ChannelUpdated), nameof(ChannelUpdated))]
[JsonDerivedType(typeof(ChannelDeleted), nameof(ChannelDeleted))]
[JsonDerivedType(typeof(ChannelsReordered), nameof(ChannelsReordered))]
[JsonDerivedType(typeof(MemberJoined), nameof(MemberJoined))]
[JsonDerivedType(typeof(MemberLeft), nameof(MemberLeft))]
[JsonDerivedType(typeof(MemberRoleChanged), nameof(MemberRoleChanged))]
[JsonDerivedType(typeof(CommunityUpdated), nameof(CommunityUpdated))]
[JsonDerivedType(typeof(CommunityDeleted), nameof(CommunityDeleted))]
[JsonDerivedType(typeof(UserTyping), nameof(UserTyping))]
[JsonDerivedType(typeof(MembershipsChanged), nameof(MembershipsChanged))]
[JsonDerivedType(typeof(ReadStateChanged), nameof(ReadStateChanged))]
[JsonDerivedType(typeof(PresenceChanged), nameof(PresenceChanged))]
[JsonDerivedType(typeof(NotificationCreated), nameof(NotificationCreated))]
[JsonDerivedType(typeof(NotificationsChanged), nameof(NotificationsChanged))]
[JsonDerivedType(typeof(UserProfileChanged), nameof(UserProfileChanged))]
[JsonDerivedType(typeof(InstancePresenceChanged), nameof(InstancePresenceChanged))]
[JsonDerivedType(typeof(InstancePresenceReported), nameof(InstancePresenceReported))]
[JsonDerivedType(typeof(PresenceRequested), nameof(PresenceRequested))]
[JsonDerivedType(typeof(SessionsRevoked), nameof(SessionsRevoked))]
public abstract record ChatEvent
{
    [JsonIgnore]
    public abstract string Topic { get; }
}

/// <summary>Seen by every member of the community, in every open tab.</summary>
public abstract record CommunityEvent(int CommunityId) : ChatEvent
{
    public override string Topic => Topics.Community(CommunityId);
}

/// <summary>Seen only by one user, in every open tab.</summary>
public abstract record UserEvent(string UserId) : ChatEvent
{
    public override string Topic => Topics.User(UserId);
}

public sealed record MessagePosted(int CommunityId, MessageView Message) : CommunityEvent(CommunityId);

public sealed record MessageEdited(int CommunityId, MessageView Message) : CommunityEvent(CommunityId);

/// <summary>
/// Someone added (<paramref name="Added"/>) or removed <paramref name="Emoji"/> on a message; <paramref name="Reactions"/>
/// is the message's new summary with <see cref="ReactionSummary.Mine"/> false, and each reader keeps their own flags.
/// </summary>
public sealed record ReactionsChanged(
    int CommunityId, int ChannelId, long MessageId, string UserId, string Emoji, bool Added,
    IReadOnlyList<ReactionSummary> Reactions) : CommunityEvent(CommunityId);

/// <summary>A message was pinned (<paramref name="Pinned"/>) or unpinned; its channel's readers move its pin marker.</summary>
public sealed record PinsChanged(int CommunityId, int ChannelId, long MessageId, bool Pinned) : CommunityEvent(CommunityId);

public sealed record MessageDeleted(int CommunityId, int ChannelId, long MessageId) : CommunityEvent(CommunityId);

public sealed record ChannelCreated(int CommunityId, ChannelView Channel) : CommunityEvent(CommunityId);

public sealed record ChannelUpdated(int CommunityId, ChannelView Channel) : CommunityEvent(CommunityId);

public sealed record ChannelDeleted(int CommunityId, int ChannelId) : CommunityEvent(CommunityId);

public sealed record ChannelsReordered(int CommunityId, IReadOnlyList<int> ChannelIds) : CommunityEvent(CommunityId);

public sealed record MemberJoined(int CommunityId, MemberView Member) : CommunityEvent(CommunityId);

public sealed record MemberLeft(int CommunityId, string UserId) : CommunityEvent(CommunityId);

public sealed record MemberRoleChanged(int CommunityId, string UserId, MemberRole Role) : CommunityEvent(CommunityId);

public sealed record CommunityUpdated(int CommunityId, string Name, string? Description, bool IsPublic)
    : CommunityEvent(CommunityId);

public sealed record CommunityDeleted(int CommunityId) : CommunityEvent(CommunityId);

public sealed record UserTyping(int CommunityId, int ChannelId, string UserId, string DisplayName)
    : CommunityEvent(CommunityId);

/// <summary>The user joined, left, was removed from, or lost a community: every tab's rail reloads.</summary>
public sealed record MembershipsChanged(string UserId) : UserEvent(UserId);

/// <summary>
/// The user's read marker of a channel moved: forward as they read, or back (<paramref name="MovedBack"/>) when
/// they marked a message unread; only a move back can add unread mentions.
/// </summary>
public sealed record ReadStateChanged(string UserId, int ChannelId, long LastReadMessageId, bool MovedBack = false)
    : UserEvent(UserId);

/// <summary>The user came online (a first tab on any instance) or went offline (no tab left anywhere).</summary>
public sealed record PresenceChanged(int CommunityId, string UserId, bool Online) : CommunityEvent(CommunityId);

/// <summary>A new notification for the user's inbox.</summary>
public sealed record NotificationCreated(string UserId, Notifications.NotificationView Notification) : UserEvent(UserId);

/// <summary>The user's notifications were read or answered in some tab; every tab reloads its inbox count.</summary>
public sealed record NotificationsChanged(string UserId) : UserEvent(UserId);

/// <summary>A user changed their name or picture; message and member lists of their servers update.</summary>
public sealed record UserProfileChanged(int CommunityId, string UserId, string DisplayName, int AvatarVersion)
    : CommunityEvent(CommunityId);

/// <summary>Between instances' presence trackers, never shown: what one instance knows of who is connected to it.</summary>
public abstract record PresenceEvent(string Instance) : ChatEvent
{
    public override string Topic => Topics.Presence;
}

/// <summary>The user's first tab on <paramref name="Instance"/> connected, or its last one went away.</summary>
public sealed record InstancePresenceChanged(string Instance, string UserId, bool Online) : PresenceEvent(Instance);

/// <summary>Everyone connected to <paramref name="Instance"/>, replacing what others knew of it; empty when it stops.</summary>
public sealed record InstancePresenceReported(string Instance, IReadOnlyList<string> UserIds) : PresenceEvent(Instance);

/// <summary>An instance (re)joined the relay and asks the others to report who is connected to them.</summary>
public sealed record PresenceRequested(string Instance) : PresenceEvent(Instance);

/// <summary>
/// Sessions of one user ended (a logout, a new password or email). Every instance's session cache hears it, through
/// the relay too, marks them revoked and passes it on to those sessions' circuits (<see cref="Topics.Session"/>).
/// </summary>
public sealed record SessionsRevoked(string UserId, IReadOnlyList<string> SessionIds) : ChatEvent
{
    public override string Topic => Topics.Sessions;
}
