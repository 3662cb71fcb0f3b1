using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Chat.Tests.Browser;

/// <summary>
/// Finds the interface's common English words on a page that should speak Spanish: in its text (hidden text too,
/// such as the reconnect dialog and screen-reader-only notes), its title, and the attributes that name things for
/// a user or a screen reader (aria-label, title, placeholder, alt, label).
/// </summary>
public static partial class EnglishWords
{
    /// <summary>Words of the interface that no Spanish sentence of it contains; matched as whole words, any case.</summary>
    public static readonly string[] Words =
    [
        "Send", "Message", "Messages", "Member", "Members", "Server", "Servers", "Channel", "Channels", "Cancel", "Save",
        "Delete", "Edit", "Edited", "Invite", "Invitation", "Search", "Settings", "Profile", "Notifications", "Log in",
        "Log out", "Register", "Password", "Username", "Email", "Today", "Yesterday", "Online", "Offline", "Loading",
        "Create", "Close", "Join", "Joined", "Leave", "Welcome", "Picture", "Theme", "Account", "Display name", "Unread",
        "Mark", "Copy", "Revoke", "Accept", "Decline", "Show more", "Back", "Reload", "Something went wrong",
        "Page not found", "Dark", "Light", "Public", "Description", "Topic", "Owner", "Admin", "Admins", "Typing",
        "Mute", "Dismiss", "Retry", "Try again", "Connection", "Jump", "Nothing", "Never", "Link", "Links", "Uses",
        "Expires", "Confirm", "the", "and", "you", "your", "is", "are", "of", "to", "in", "or", "at", "by", "with",
        "from", "yet", "this", "that", "not", "here", "new",
    ];

    private static readonly Regex AnyWord = new(
        @"(?<![\p{L}\p{N}_])(" + string.Join('|', Words.Select(Regex.Escape)) + @")(?![\p{L}\p{N}_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Each English word found on the page, as "word in «text» (where)".</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);

        var texts = await page.EvaluateAsync<string[]>(
            """
            () => {
              const found = [document.title];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const parent = node.parentElement?.tagName;
                if (parent !== "SCRIPT" && parent !== "STYLE" && node.textContent.trim()) {
                  found.push(node.textContent.trim());
                }
              }
              for (const element of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt], [label]")) {
                for (const name of ["aria-label", "title", "placeholder", "alt", "label"]) {
                  const value = element.getAttribute(name);
                  if (value) {
                    found.push(value);
                  }
                }
              }
              return found;
            }
            """);
        return [.. texts.SelectMany(text => Find(text).Select(word => $"\"{word}\" in «{text}» ({where})")).Distinct()];
    }

    /// <summary>The English words in one text.</summary>
    public static IEnumerable<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Addresses are no words of the interface (an invite link's /invite/ path).
        var rest = Address().Replace(text, " ");
        return AnyWord.Matches(rest).Select(m => m.Value);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Address();
}
