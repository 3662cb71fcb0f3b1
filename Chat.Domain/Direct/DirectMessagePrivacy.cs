namespace Chat.Domain.Direct;

/// <summary>Who may start a new direct conversation with a user; conversations already started go on.</summary>
public enum DirectMessagePrivacy
{
    /// <summary>Anyone who is a member of a server the user is a member of (the default).</summary>
    SharedServers = 0,

    /// <summary>Nobody new: only conversations that already exist.</summary>
    Nobody = 1,
}
