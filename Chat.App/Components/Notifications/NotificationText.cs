using Chat.App.Localization;
using Chat.Domain.Notifications;
using Microsoft.Extensions.Localization;

namespace Chat.App.Components.Notifications;

/// <summary>How a notification reads, in the inbox and on the desktop.</summary>
internal static class NotificationText
{
    // A static class is no type argument, so no injected IStringLocalizer<NotificationText>: the same resources
    // (NotificationText.resx), read in the current UI culture.
    private static readonly IStringLocalizer Words = StaticLocalizer.For(typeof(NotificationText));

    /// <summary>
    /// The display name with the @username, which tells apart two people who both call themselves "Alice". A name
    /// that is the username already says it (usernames are unique).
    /// </summary>
    public static string Actor(NotificationView n) => n switch
    {
        { ActorDisplayName: { } name, ActorUserName: { } userName }
            when !string.Equals(name, userName, StringComparison.OrdinalIgnoreCase) => $"{name} (@{userName})",
        { ActorDisplayName: { } name } => name,
        _ => Words["Someone"],
    };

    public static string Server(NotificationView n) => n.CommunityName ?? Words["DeletedServer"];

    public static string Title(NotificationView n) => n.Kind switch
    {
        NotificationKind.InvitationReceived => Words["Invited", Actor(n), Server(n)],
        NotificationKind.InvitationAccepted => Words["Accepted", Actor(n), Server(n)],
        NotificationKind.InvitationDeclined => Words["Declined", Actor(n), Server(n)],
        NotificationKind.Mentioned => Words["Mentioned", Actor(n), n.ChannelName ?? Words["DeletedChannel"]],
        NotificationKind.JoinedThroughLink => Words["JoinedThroughLink", Actor(n), Server(n)],
        NotificationKind.Replied => Words["Replied", Actor(n), n.ChannelName ?? Words["DeletedChannel"]],
        NotificationKind.DirectMessage => Words["DirectMessage", Actor(n)],
        _ => Words["SomethingNew"],
    };

    public static string? Body(NotificationView n) => IsAboutMessage(n) ? n.MessageExcerpt : null;

    /// <summary>Where opening the notification leads: a mention or a reply to its message, highlighted.</summary>
    public static string? Link(NotificationView n) =>
        n is { CommunityId: { } c, ChannelId: { } ch, MessageId: { } m } && IsAboutMessage(n)
            ? n.Kind == NotificationKind.DirectMessage ? Direct.ConversationLink.To(c, m) : Messaging.MessageLink.To(c, ch, m)
            : null;

    /// <summary>A mention or a reply: a message written to the user, shown like one on the desktop too.</summary>
    public static bool IsAboutMessage(NotificationView n) =>
        n.Kind is NotificationKind.Mentioned or NotificationKind.Replied or NotificationKind.DirectMessage;

    public static string MemberCount(int count) => Plurals.Of(Plurals.Members, count);
}
