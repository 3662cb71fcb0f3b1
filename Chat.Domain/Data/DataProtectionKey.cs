namespace Chat.Domain.Data;

/// <summary>
/// One key of ASP.NET Core Data Protection, which signs and encrypts the authentication cookie. Kept in the
/// database so that every instance of the app, and the app after a restart, reads the same keys.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    /// <summary>The key as Data Protection writes it: an XML element.</summary>
    public string Xml { get; set; } = "";
}
