using System.Globalization;
using Chat.Domain.Realtime;

namespace Chat.Tests.Support;

/// <summary>
/// One instance of every concrete <see cref="ChatEvent"/> in the domain, found by reflection so that a new event is
/// covered without anyone adding it here. Every value differs from its type's default, so a property lost on the
/// way shows.
/// </summary>
public static class EventSamples
{
    public static IReadOnlyList<Type> EventTypes { get; } =
        [.. typeof(ChatEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ChatEvent)) && !t.IsAbstract).OrderBy(t => t.Name)];

    /// <summary>An event of <paramref name="type"/>; <paramref name="seed"/> makes its values differ from other samples'.</summary>
    public static ChatEvent Create(Type type, int seed = 1) => (ChatEvent)Value(type, new Counter(seed));

    private static object Value(Type type, Counter counter)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Value(underlying, counter);
        }

        if (type == typeof(string))
        {
            return "text " + counter.Next().ToString(CultureInfo.InvariantCulture);
        }

        if (type == typeof(int))
        {
            return counter.Next();
        }

        if (type == typeof(long))
        {
            return (long)counter.Next() + int.MaxValue;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddSeconds(counter.Next());
        }

        if (type.IsEnum)
        {
            // The last value: never the default (zero) one.
            return Enum.GetValues(type).Cast<object>().Last();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var item = type.GetGenericArguments()[0];
            var list = Array.CreateInstance(item, 2);
            list.SetValue(Value(item, counter), 0);
            list.SetValue(Value(item, counter), 1);
            return list;
        }

        // A record: its one constructor, with a value for each parameter.
        var constructor = type.GetConstructors().Single(c => c.GetParameters().All(p => p.ParameterType != type));
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p.ParameterType, counter))]);
    }

    private sealed class Counter(int seed)
    {
        private int next = seed * 1000;

        public int Next() => ++next;
    }
}
