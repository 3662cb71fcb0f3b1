using System.Globalization;

namespace Chat.Domain.Realtime.Relay;

/// <summary>
/// What a NOTIFY carries: "id origin topic", a few dozen bytes whatever the event (NOTIFY allows 8000). The
/// listener reads the event itself from the outbox row, and only for topics someone on its instance listens to.
/// </summary>
internal readonly record struct RelayNotice(long Id, string Origin, string Topic)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} {Origin} {Topic}");

    public static bool TryParse(string payload, out RelayNotice notice)
    {
        var parts = payload.Split(' ', 3);
        if (parts.Length == 3 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            notice = new RelayNotice(id, parts[1], parts[2]);
            return true;
        }

        notice = default;
        return false;
    }
}
