namespace Chat.Load.Setup;

/// <summary>The cookies a login left (chat.auth, possibly in chunks), as a Cookie header and for a browser.</summary>
internal sealed record AuthCookie(IReadOnlyList<KeyValuePair<string, string>> Cookies)
{
    public string Header { get; } = string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));
}
