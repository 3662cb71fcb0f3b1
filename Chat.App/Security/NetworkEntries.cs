using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Chat.App.Security;

/// <summary>Settings that list addresses (10.0.0.5) or networks (10.0.0.0/8): how each is read and checked.</summary>
internal static class NetworkEntries
{
    /// <summary>An address is the network of that one address.</summary>
    public static System.Net.IPNetwork Parse(string entry) =>
        IPAddress.TryParse(entry, out var address)
            ? new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : System.Net.IPNetwork.Parse(entry);

    public static IEnumerable<ValidationResult> Validate(IEnumerable<string> entries, string key, string member) =>
        entries
            .Where(e => !IPAddress.TryParse(e, out _) && !System.Net.IPNetwork.TryParse(e, out _))
            .Select(e => new ValidationResult($"{key}: '{e}' is neither an IP address nor a network such as 10.0.0.0/8.", [member]));
}
