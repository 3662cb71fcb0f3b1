using Chat.Domain.Realtime;
using Chat.Domain.Realtime.Relay;
using Chat.Tests.Support;

namespace Chat.Tests.Domain;

/// <summary>Every event, including one added later, survives the trip to another instance as JSON.</summary>
public sealed class ChatEventJsonTests
{
    public static TheoryData<Type> EventTypes => new(EventSamples.EventTypes);

    [Theory, MemberData(nameof(EventTypes))]
    public void Deserialize_OfSerialized_GivesTheSameEventOfTheSameKind(Type type)
    {
        var original = EventSamples.Create(type);

        var json = ChatEventJson.Serialize(original);
        var copy = ChatEventJson.Deserialize(json);

        Assert.IsType(type, copy);
        // Records holding lists compare those by reference, so compare what travels: every value, by its JSON.
        Assert.Equal(json, ChatEventJson.Serialize(copy));
        Assert.Equal(original.Topic, copy.Topic);
        Assert.StartsWith($$"""{"$kind":"{{type.Name}}",""", json, StringComparison.Ordinal);
    }
}
