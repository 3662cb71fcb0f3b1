namespace Chat.App.Security;

/// <summary>Where the cookie keys live (section DataProtection): a directory all instances share, or the database if empty.</summary>
public sealed class DataProtectionKeysOptions
{
    public const string Section = "DataProtection";

    public string? KeysDirectory { get; set; }
}
