using Microsoft.JSInterop;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The reader's own time zone, asked from the browser once per circuit; times are shown in it. Until the
/// browser has answered (the prerendered page), times are shown in UTC.
/// </summary>
public sealed class ReaderTimeZone
{
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool IsKnown { get; private set; }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public async Task<bool> InitializeAsync(IJSObjectReference chatModule)
    {
        ArgumentNullException.ThrowIfNull(chatModule);
        if (IsKnown)
        {
            return false;
        }

        var id = await chatModule.InvokeAsync<string?>("timeZone");
        Zone = id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
        IsKnown = true;
        return true;
    }
}
