using System.Text.Json;

namespace Chat.Domain.Realtime.Relay;

/// <summary>How events travel between instances: System.Text.Json with the kinds declared on <see cref="ChatEvent"/>.</summary>
public static class ChatEventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(ChatEvent chatEvent) => JsonSerializer.Serialize(chatEvent, Options);

    /// <exception cref="JsonException">Not an event this version knows (e.g. from a newer instance).</exception>
    public static ChatEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<ChatEvent>(json, Options) ?? throw new JsonException("The payload is null.");
}
