using Microsoft.Extensions.Options;

namespace Chat.App.Components.Tabs;

/// <summary>
/// Every user's live tabs on this instance. When a user opens one more than <see cref="TabLimitOptions.MaxPerUser"/>,
/// the one its user has not used for the longest (no key, click or bringing it to the front) is closed: it takes the
/// least from the user, and frees what an abandoned tab holds. Live updates do not count as use: every tab of a busy
/// server gets them, watched or not. A browser keeps all its tabs on one instance (docs/decisions/0004-scale-out.md),
/// so counting per instance counts them all.
/// </summary>
public sealed class OpenTabs(IOptions<TabLimitOptions> options, TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<OpenTab>> byUser = new(StringComparer.Ordinal);

    public int CountOf(string userId)
    {
        lock (gate)
        {
            return byUser.TryGetValue(userId, out var tabs) ? tabs.Count : 0;
        }
    }

    /// <summary>Counts a newly opened tab of <paramref name="userId"/>, closing their idlest others beyond the cap.</summary>
    public void Open(OpenTab tab, string userId)
    {
        ArgumentNullException.ThrowIfNull(tab);
        tab.UserId = userId;
        tab.Use(clock.GetUtcNow());
        List<OpenTab> closing = [];
        lock (gate)
        {
            if (!byUser.TryGetValue(userId, out var tabs))
            {
                byUser[userId] = tabs = [];
            }

            tabs.Add(tab);
            while (tabs.Count > options.Value.MaxPerUser)
            {
                var idlest = tabs.Where(t => t != tab).MinBy(t => t.LastUsed)!;
                tabs.Remove(idlest);
                closing.Add(idlest);
            }
        }

        // Outside the lock: closing hands work to the other tabs' circuits.
        closing.ForEach(t => t.Close());
    }

    /// <summary>The circuit ended (the tab was closed or its connection stayed away): it no longer counts.</summary>
    public void Remove(OpenTab tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        lock (gate)
        {
            if (tab.UserId is { } userId && byUser.TryGetValue(userId, out var tabs) && tabs.Remove(tab) && tabs.Count == 0)
            {
                byUser.Remove(userId);
            }
        }
    }

    /// <summary>The user's tabs, for a look at which one would be closed next.</summary>
    public IReadOnlyList<OpenTab> TabsOf(string userId)
    {
        lock (gate)
        {
            return byUser.TryGetValue(userId, out var tabs) ? [.. tabs] : [];
        }
    }

    /// <summary>The user pressed a key, clicked or brought the tab to the front.</summary>
    public void Used(OpenTab tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        tab.Use(clock.GetUtcNow());
    }
}
