using System.ComponentModel.DataAnnotations;
using Chat.App.Security;

namespace Chat.App.Diagnostics;

/// <summary>Who may read /metrics (section Metrics): this machine always, and these addresses or networks.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>Addresses (10.0.0.5) or networks (10.0.0.0/8), e.g. the Prometheus server's.</summary>
    public IList<string> AllowedNetworks { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        NetworkEntries.Validate(AllowedNetworks, $"{Section}:{nameof(AllowedNetworks)}", nameof(AllowedNetworks));
}
