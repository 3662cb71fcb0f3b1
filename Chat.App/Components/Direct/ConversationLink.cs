using System.Globalization;
using Chat.Domain.Direct;

namespace Chat.App.Components.Direct;

/// <summary>Addresses and names of direct conversations (docs/decisions/0015-direct-messages.md).</summary>
public static class ConversationLink
{
    public const string Home = "messages";

    public static string To(int conversationId, long? messageId = null) => messageId is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"messages/{conversationId}?message={m}")
        : string.Create(CultureInfo.InvariantCulture, $"messages/{conversationId}");

    /// <summary>A conversation is called by its other people: "ann", or "ann, ben, cy".</summary>
    public static string NameOf(IReadOnlyList<ConversationPerson> others) =>
        others.Count == 0 ? "—" : string.Join(", ", others.Select(o => o.DisplayName));
}
