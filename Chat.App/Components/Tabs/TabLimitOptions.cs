using System.ComponentModel.DataAnnotations;

namespace Chat.App.Components.Tabs;

/// <summary>How many live tabs (Blazor circuits) one user may hold on an instance.</summary>
public sealed class TabLimitOptions
{
    public const string Section = "Circuit";

    /// <summary>One user once held 50; each tab keeps its components, subscriptions and a connection in memory.</summary>
    [Range(1, 1000, ErrorMessage = "Circuit:MaxPerUser must be between {1} and {2}.")]
    public int MaxPerUser { get; set; } = 20;
}
