using Chat.Domain.Text;

namespace Chat.Domain;

/// <summary>
/// Every refusal the domain makes, one factory each: the method's name is the error's stable code and its
/// parameters are the values the words need. The interface holds the words per code and language
/// (Chat.App/Localization/DomainErrors.resx and .es.resx; a test checks that each code has both).
/// </summary>
public static class DomainErrors
{
    // Who may do what.
    public static ForbiddenException LogInFirst() => new(Of(nameof(LogInFirst)));

    public static NotFoundException ServerNotFound() => new(Of(nameof(ServerNotFound)));

    public static ForbiddenException NotAMember() => new(Of(nameof(NotAMember)));

    public static ForbiddenException OnlyAdminsCreateChannels() => new(Of(nameof(OnlyAdminsCreateChannels)));

    public static ForbiddenException OnlyAdminsEditChannels() => new(Of(nameof(OnlyAdminsEditChannels)));

    public static ForbiddenException OnlyAdminsReorderChannels() => new(Of(nameof(OnlyAdminsReorderChannels)));

    public static ForbiddenException OnlyAdminsDeleteChannels() => new(Of(nameof(OnlyAdminsDeleteChannels)));

    public static ForbiddenException OnlyAdminsEditServer() => new(Of(nameof(OnlyAdminsEditServer)));

    public static ForbiddenException OnlyOwnerDeletesServer() => new(Of(nameof(OnlyOwnerDeletesServer)));

    public static ForbiddenException OnlyAdminsRemoveMembers() => new(Of(nameof(OnlyAdminsRemoveMembers)));

    public static ForbiddenException OnlyOwnerChangesRoles() => new(Of(nameof(OnlyOwnerChangesRoles)));

    public static ForbiddenException OnlyOwnerTransfersOwnership() => new(Of(nameof(OnlyOwnerTransfersOwnership)));

    public static ForbiddenException OnlyAdminsCreateInviteLinks() => new(Of(nameof(OnlyAdminsCreateInviteLinks)));

    public static ForbiddenException OnlyAdminsSeeInviteLinks() => new(Of(nameof(OnlyAdminsSeeInviteLinks)));

    public static ForbiddenException OnlyAdminsRevokeInviteLinks() => new(Of(nameof(OnlyAdminsRevokeInviteLinks)));

    public static ForbiddenException OnlyAdminsInviteToPrivateServer() => new(Of(nameof(OnlyAdminsInviteToPrivateServer)));

    public static ForbiddenException OnlyAdminsPin() => new(Of(nameof(OnlyAdminsPin)));

    public static ForbiddenException OnlyAuthorEdits() => new(Of(nameof(OnlyAuthorEdits)));

    public static ForbiddenException OnlyAuthorDeletes() => new(Of(nameof(OnlyAuthorDeletes)));

    public static ForbiddenException RemoveOnlyLowerRoles() => new(Of(nameof(RemoveOnlyLowerRoles)));

    public static ForbiddenException PrivateServer() => new(Of(nameof(PrivateServer)));

    public static RateLimitedException SlowDown() => new();

    // Servers and members.
    public static ValidationException ServerNameLength(int min, int max) => new(Of(nameof(ServerNameLength), min, max), "name");

    public static ValidationException DescriptionTooLong(int max) => new(Of(nameof(DescriptionTooLong), max), "description");

    public static ValidationException ConfirmServerName(string field) => new(Of(nameof(ConfirmServerName)), field);

    public static ValidationException OwnerCannotLeave() => new(Of(nameof(OwnerCannotLeave)));

    public static ValidationException UseTransferOwnership() => new(Of(nameof(UseTransferOwnership)));

    public static ValidationException RoleUnknown(string field) => new(Of(nameof(RoleUnknown)), field);

    public static ValidationException OwnerRoleFixed() => new(Of(nameof(OwnerRoleFixed)));

    public static NotFoundException UserNotMember() => new(Of(nameof(UserNotMember)));

    public static NotFoundException NewOwnerNotMember() => new(Of(nameof(NewOwnerNotMember)));

    // Channels.
    public static NotFoundException ChannelNotFound() => new(Of(nameof(ChannelNotFound)));

    public static ConflictException ChannelsChanged() => new(Of(nameof(ChannelsChanged)));

    public static ValidationException ChannelNameLength(int max) => new(Of(nameof(ChannelNameLength), max), "name");

    public static ValidationException TopicTooLong(int max) => new(Of(nameof(TopicTooLong), max), "topic");

    public static ValidationException ChannelNameTaken(string name) => new(Of(nameof(ChannelNameTaken), name), "name");

    // Messages.
    public static NotFoundException MessageNotFound() => new(Of(nameof(MessageNotFound)));

    public static ConflictException MessageNotStored() => new(Of(nameof(MessageNotStored)));

    public static ConflictException MessageChanged() => new(Of(nameof(MessageChanged)));

    public static ValidationException MessageEmpty(string field) => new(Of(nameof(MessageEmpty)), field);

    public static ValidationException MessageTooLong(int max, int length, string field) =>
        new(Of(nameof(MessageTooLong), max, length), field);

    public static ValidationException NotAnEmoji() => new(Of(nameof(NotAnEmoji)), "emoji");

    public static ValidationException TooManyReactions(int max) => new(Of(nameof(TooManyReactions), max), "emoji");

    public static ValidationException TooManyPins(int max) => new(Of(nameof(TooManyPins), max));

    public static ValidationException LineNotEditable() => new(Of(nameof(LineNotEditable)));
    public static ValidationException ReplyToMissing() => new(Of(nameof(ReplyToMissing)), "replyTo");

    public static ValidationException ReplyToOtherChannel() => new(Of(nameof(ReplyToOtherChannel)), "replyTo");

    // Message search: the field is the search box.
    public static ValidationException SearchDateInvalid(string filter) => new(Of(nameof(SearchDateInvalid), filter), "query");

    public static ValidationException SearchFilterUnknown(string filter) => new(Of(nameof(SearchFilterUnknown), filter), "query");

    public static ValidationException SearchUserUnknown(string userName) => new(Of(nameof(SearchUserUnknown), userName), "query");

    public static ValidationException SearchChannelUnknown(string channelName) =>
        new(Of(nameof(SearchChannelUnknown), channelName), "query");

    // Invitations and invite links.
    public static ValidationException NoSuchUser(string name) => new(Of(nameof(NoSuchUser), name), "userName");

    public static ValidationException AlreadyMember(string userName) => new(Of(nameof(AlreadyMember), userName), "userName");

    public static ValidationException AlreadyInvited(string userName) => new(Of(nameof(AlreadyInvited), userName), "userName");

    public static NotFoundException InvitationNotFound() => new(Of(nameof(InvitationNotFound)));

    public static ValidationException InvitationExpired() => new(Of(nameof(InvitationExpired)));

    public static ValidationException InvitationAnswered() => new(Of(nameof(InvitationAnswered)));

    public static ValidationException InviteLinkLifetime() => new(Of(nameof(InviteLinkLifetime)));

    public static ValidationException InviteLinkMaxUses() => new(Of(nameof(InviteLinkMaxUses)));

    public static NotFoundException InviteLinkNotFound() => new(Of(nameof(InviteLinkNotFound)));

    public static ConflictException InviteLinkBusy() => new(Of(nameof(InviteLinkBusy)));

    public static ValidationException InviteLinkExpired() => new(Of(nameof(InviteLinkExpired)));

    public static ValidationException InviteLinkUsedUp() => new(Of(nameof(InviteLinkUsedUp)));

    public static ValidationException InviteLinkRevoked() => new(Of(nameof(InviteLinkRevoked)));

    // Direct messages.
    public static NotFoundException ConversationNotFound() => new(Of(nameof(ConversationNotFound)));

    public static ValidationException ConversationSize(int max) => new(Of(nameof(ConversationSize), max), "participants");

    public static NotFoundException PersonNotFound() => new(Of(nameof(PersonNotFound)));

    /// <summary>Someone in the conversation blocked the sender; the words do not say who.</summary>
    public static ForbiddenException BlockedByRecipient() => new(Of(nameof(BlockedByRecipient)));

    public static ForbiddenException YouBlockedThem(string displayName) => new(Of(nameof(YouBlockedThem), displayName));

    public static ForbiddenException NotAcceptingMessages(string displayName) => new(Of(nameof(NotAcceptingMessages), displayName));

    public static ForbiddenException NoSharedServer(string displayName) => new(Of(nameof(NoSharedServer), displayName));

    public static ValidationException CannotBlockYourself() => new(Of(nameof(CannotBlockYourself)), "userId");

    public static ValidationException PrivacyUnknown() => new(Of(nameof(PrivacyUnknown)), "privacy");

    public static ValidationException NotAServerAction() => new(Of(nameof(NotAServerAction)));

    // Notifications.
    public static NotFoundException NotificationNotFound() => new(Of(nameof(NotificationNotFound)));

    // Profiles.
    public static ValidationException DisplayNameLength(int max) => new(Of(nameof(DisplayNameLength), max), "displayName");

    public static ValidationException BioTooLong(int max) => new(Of(nameof(BioTooLong), max), "bio");

    public static ValidationException ThemeUnknown() => new(Of(nameof(ThemeUnknown)), "theme");

    public static ValidationException LanguageUnknown() => new(Of(nameof(LanguageUnknown)), "language");

    public static ValidationException AvatarEmpty() => new(Of(nameof(AvatarEmpty)), "avatar");

    public static ValidationException AvatarTooBig(int maxKilobytes) => new(Of(nameof(AvatarTooBig), maxKilobytes), "avatar");

    public static ValidationException AvatarNotAnImage() => new(Of(nameof(AvatarNotAnImage)), "avatar");

    /// <summary>The profile page's own check, before the browser shrinks a file: only what can be a picture.</summary>
    public static ValidationException AvatarFileRefused() => new(Of(nameof(AvatarFileRefused)), "avatar");

    /// <summary>The browser failed to shrink the picture (the profile page's upload).</summary>
    public static ValidationException AvatarUnreadable() => new(Of(nameof(AvatarUnreadable)), "avatar");

    public static ValidationException AvatarTooLarge(int maxSide, int width, int height) =>
        new(Of(nameof(AvatarTooLarge), maxSide, width, height), "avatar");

    // Attachments: the field is the composer's file list.
    public static ValidationException AttachmentEmpty() => new(Of(nameof(AttachmentEmpty)), "file");

    public static ValidationException AttachmentTooBig(int maxMegabytes) => new(Of(nameof(AttachmentTooBig), maxMegabytes), "file");

    public static ValidationException AttachmentNotAPicture(string fileName) => new(Of(nameof(AttachmentNotAPicture), fileName), "file");

    public static ValidationException AttachmentPictureTooLarge(string fileName, int width, int height) =>
        new(Of(nameof(AttachmentPictureTooLarge), fileName, width, height), "file");

    public static ValidationException TooManyAttachments(int max) => new(Of(nameof(TooManyAttachments), max), "file");

    public static ValidationException UploadLimitReached(int maxFiles, int maxMegabytes) =>
        new(Of(nameof(UploadLimitReached), maxFiles, maxMegabytes), "file");

    public static NotFoundException AttachmentNotFound() => new(Of(nameof(AttachmentNotFound)));

    // Names and texts that others read (Text/VisibleText): the subject is a word the interface translates too.
    public static DomainError NeedsLetterOrDigit(TextSubject subject) => Of(nameof(NeedsLetterOrDigit), subject);

    public static DomainError BrokenCharacter(TextSubject subject) => Of(nameof(BrokenCharacter), subject);

    /// <param name="codePoint">The character as the message names it: <c>U+202E</c>.</param>
    public static DomainError InvisibleCharacter(TextSubject subject, string codePoint) =>
        Of(nameof(InvisibleCharacter), subject, codePoint);

    private static DomainError Of(string code, params object[] arguments) => new(code, arguments);
}
