using System.Globalization;
using Chat.App.Localization;
using Chat.Domain.Notifications;

namespace Chat.App.Components.Notifications;

/// <summary>How a notification reads, in the inbox and on the desktop.</summary>
internal static class NotificationText
{
    /// <summary>
    /// The display name with the @username, which tells apart two people who both call themselves "Alice". A name
    /// that is the username already says it (usernames are unique).
    /// </summary>
    public static string Actor(NotificationView n) => n switch
    {
        { ActorDisplayName: { } name, ActorUserName: { } userName }
            when !string.Equals(name, userName, StringComparison.OrdinalIgnoreCase) => $"{name} (@{userName})",
        { ActorDisplayName: { } name } => name,
        _ => "Someone",
    };

    public static string Server(NotificationView n) => n.CommunityName ?? "a server that was deleted";

    public static string Title(NotificationView n) => n.Kind switch
    {
        NotificationKind.InvitationReceived => $"{Actor(n)} invited you to {Server(n)}",
        NotificationKind.InvitationAccepted => $"{Actor(n)} accepted your invitation to {Server(n)}",
        NotificationKind.InvitationDeclined => $"{Actor(n)} declined your invitation to {Server(n)}",
        NotificationKind.Mentioned => $"{Actor(n)} mentioned you in #{n.ChannelName ?? "a deleted channel"}",
        NotificationKind.JoinedThroughLink => $"{Actor(n)} joined {Server(n)} through your invite link",
        _ => "Something new",
    };

    public static string? Body(NotificationView n) => n.Kind == NotificationKind.Mentioned ? n.MessageExcerpt : null;

    /// <summary>Where opening the notification leads: a mention to its message, highlighted.</summary>
    public static string? Link(NotificationView n) =>
        n is { Kind: NotificationKind.Mentioned, CommunityId: { } c, ChannelId: { } ch, MessageId: { } m }
            ? string.Create(CultureInfo.InvariantCulture, $"servers/{c}/channels/{ch}?message={m}")
            : null;

    public static string MemberCount(int count) => Plurals.Of(Plurals.Members, count);
}
