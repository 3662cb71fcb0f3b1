using System.Globalization;

namespace Chat.Domain.Realtime;

/// <summary>Names of what one can listen to: everything in a community, or what concerns one user.</summary>
public static class Topics
{
    /// <summary>Where the presence trackers of all instances talk; no component listens here.</summary>
    public const string Presence = "presence";

    public static string Community(int communityId) => "community:" + communityId.ToString(CultureInfo.InvariantCulture);

    public static string User(string userId) => "user:" + userId;
}
