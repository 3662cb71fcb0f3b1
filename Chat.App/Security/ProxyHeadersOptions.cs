using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Chat.App.Security;

/// <summary>The reverse proxies whose X-Forwarded-* headers are believed (section ForwardedHeaders); loopback if none.</summary>
public sealed class ProxyHeadersOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses (10.0.0.5) or networks (10.0.0.0/8).</summary>
    public IList<string> KnownProxies { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in KnownProxies.Where(e => !IPAddress.TryParse(e, out _) && !System.Net.IPNetwork.TryParse(e, out _)))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(KnownProxies)}: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.",
                [nameof(KnownProxies)]);
        }
    }
}
