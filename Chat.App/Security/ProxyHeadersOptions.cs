using System.ComponentModel.DataAnnotations;

namespace Chat.App.Security;

/// <summary>The reverse proxies whose X-Forwarded-* headers are believed (section ForwardedHeaders); loopback if none.</summary>
public sealed class ProxyHeadersOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses (10.0.0.5) or networks (10.0.0.0/8).</summary>
    public IList<string> KnownProxies { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        NetworkEntries.Validate(KnownProxies, $"{Section}:{nameof(KnownProxies)}", nameof(KnownProxies));
}
