using System.Globalization;

namespace Chat.Domain.Realtime;

/// <summary>Names of what one can listen to: everything in a community, or what concerns one user.</summary>
public static class Topics
{
    /// <summary>Where the presence trackers of all instances talk; no component listens here.</summary>
    public const string Presence = "presence";

    /// <summary>Where revoked sessions are announced; only the session cache listens here.</summary>
    public const string Sessions = "sessions";

    public static string Community(int communityId) => "community:" + communityId.ToString(CultureInfo.InvariantCulture);

    public static string User(string userId) => "user:" + userId;

    /// <summary>What ends one sign-in's circuits; the session cache passes <see cref="SessionsRevoked"/> on here.</summary>
    public static string Session(string sessionId) => "session:" + sessionId;
}
