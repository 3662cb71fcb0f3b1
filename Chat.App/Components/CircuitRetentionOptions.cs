using System.ComponentModel.DataAnnotations;

namespace Chat.App.Components;

/// <summary>
/// How long a circuit whose browser went away (network drop, sleeping laptop) is kept for it to come back to; after
/// that the page reloads (Components/Layout/ReconnectModal.razor.js) and starts again from the database (section Circuit).
/// </summary>
public sealed class CircuitRetentionOptions
{
    public const string Section = "Circuit";

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Circuit:DisconnectedRetention must be between {1} and {2}.")]
    public TimeSpan DisconnectedRetention { get; set; } = TimeSpan.FromMinutes(3);
}
