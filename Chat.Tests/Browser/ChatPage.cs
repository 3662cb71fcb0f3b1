using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Chat.Tests.Browser;

/// <summary>A user the tests register; the name is unique so tests sharing one app never collide.</summary>
public sealed record TestUser(string UserName, string DisplayName, string Email, string Password)
{
    public static TestUser Create(string prefix = "user")
    {
        var userName = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        return new TestUser(userName, $"Tester {userName}", $"{userName}@example.test", "correct horse battery");
    }
}

/// <summary>What the browser tests do and check again and again, written the way a user sees the page.</summary>
public static partial class ChatPage
{
    public static async Task RegisterAsync(this IPage page, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(user);

        await page.GotoAsync("account/register");
        await page.FillRegistrationAsync(user);
    }

    /// <summary>Fills and sends the registration form already on screen (reached from a link that carries a returnUrl).</summary>
    public static async Task FillRegistrationAsync(this IPage page, TestUser user)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(user);

        // Reached by a link from the login page, the form arrives by enhanced navigation: wait for it, or the login
        // page's "Username or email" (which a loose "Username" also matches) gets the name and the new page drops it.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = page.Say("Create an account") })).ToBeVisibleAsync();
        await page.GetByLabel(page.Say("Username"), new() { Exact = true }).FillAsync(user.UserName);
        await page.GetByLabel(page.Say("Display name")).FillAsync(user.DisplayName);
        await page.GetByLabel(page.Say("Email")).FillAsync(user.Email);
        await page.GetByLabel(page.Say("Password"), new() { Exact = true }).FillAsync(user.Password);
        await page.GetByLabel(page.Say("Confirm password")).FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = page.Say("Register"), Exact = true }).ClickAsync();
    }

    public static async Task LogInAsync(this IPage page, string userNameOrEmail, string password)
    {
        ArgumentNullException.ThrowIfNull(page);

        await page.GetByLabel(page.Say("Username or email")).FillAsync(userNameOrEmail);
        await page.GetByLabel(page.Say("Password"), new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = page.Say("Log in"), Exact = true }).ClickAsync();
    }

    public static async Task LogOutAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        await page.ShowNavigationAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = page.Say("Log out") }).ClickAsync();
        await ExpectLoginPageAsync(page);
    }

    public static ILocator ServerRail(this IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = page.Say("Servers") });

    public static ILocator CreateServerButton(this IPage page) =>
        page.ServerRail().GetByRole(AriaRole.Button, new() { Name = page.Say("Create server") });

    public static ILocator MessageLog(this IPage page) =>
        page.GetByRole(AriaRole.Log, new() { Name = page.Say("Messages") });

    /// <summary>A phone-sized page (below 600 px): the rail and the channel list are in a drawer.</summary>
    public static bool IsPhone(this IPage page) => page?.ViewportSize is { Width: < 600 };

    /// <summary>The app bar's button that opens the navigation drawer on a phone.</summary>
    public static ILocator NavigationToggle(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = page.Say("Servers and channels") });

    /// <summary>
    /// On a phone, opens the drawer with the rail and the channel list (a no-op where they are docked), the way a
    /// user gets to them before picking a server, a channel, the bell or the server menu.
    /// </summary>
    public static async Task ShowNavigationAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        if (!page.IsPhone())
        {
            return;
        }

        // A tap that comes just as the circuit starts may be undone by MudBlazor's responsive drawer, which closes
        // itself for the phone's width once its script has measured it (MainLayout.ToggleNavigation): a person
        // would tap again, and so does the test.
        var toggle = page.NavigationToggle();
        for (var tap = 1; tap < 5; tap++)
        {
            if (await toggle.GetAttributeAsync("aria-expanded") != "true")
            {
                await toggle.ClickAsync();
            }

            try
            {
                await Expect(page.ServerRail()).ToBeInViewportAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException)
            {
                // Not open: look at the button again.
            }
        }

        await Expect(page.ServerRail()).ToBeInViewportAsync();
    }

    /// <summary>Shows a message's toolbar as a user would: a hover with a mouse, a tap on a touch screen.</summary>
    public static async Task ShowActionsAsync(this ILocator message)
    {
        ArgumentNullException.ThrowIfNull(message);

        if (message.Page.IsPhone())
        {
            await message.Locator(".content").TapAsync();
        }
        else
        {
            await message.HoverAsync();
        }

        await Expect(message.GetByRole(AriaRole.Toolbar, new() { Name = message.Page.Say("Message actions") })).ToBeVisibleAsync();
    }

    /// <summary>The columns of the app, with the live circuit running (the button is disabled until then).</summary>
    public static async Task ExpectShellAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        if (page.IsPhone())
        {
            // One column: the messages and the composer, and the app bar's way to the rest.
            await Expect(page.NavigationToggle()).ToBeEnabledAsync();
            await Expect(page.MessageLog()).ToBeVisibleAsync();
            await Expect(page.ComposerBox()).ToBeVisibleAsync();
            return;
        }

        await Expect(page.ServerRail()).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = page.Say("Channels") })).ToBeVisibleAsync();
        await Expect(page.MessageLog()).ToBeVisibleAsync();
        await Expect(page.ComposerBox()).ToBeVisibleAsync();
        await Expect(page.CreateServerButton()).ToBeEnabledAsync();
    }

    /// <summary>
    /// Opens the profile page once its live circuit runs (its Save button is disabled until then). When the circuit
    /// starts, Blazor draws the page again in place of the prerendered one, and a click pressed on the old button and
    /// released on the new one is a click on neither: a person would click again, a test waits for the page instead.
    /// </summary>
    public static async Task GotoProfileAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        await page.GotoAsync("profile");
        await Expect(page.Locator("form:has(#profile-display-name) button[type=submit]")).ToBeEnabledAsync();
    }

    /// <summary>
    /// Closes a dialog with Escape. MudBlazor's dialog listens for Escape only once its first render has come back to
    /// the server, which a person who sees the dialog has long passed, but which on a loaded machine can come after a
    /// test has looked at it: Escape is pressed again, a few times at most, until the dialog is gone (it never closes
    /// on its own).
    /// </summary>
    public static async Task CloseWithEscapeAsync(this ILocator dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);

        const int Attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            await dialog.Page.Keyboard.PressAsync("Escape");
            try
            {
                await Expect(dialog).ToHaveCountAsync(0, new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < Attempts)
            {
            }
        }
    }

    public static async Task ExpectLoginPageAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = page.Say("Welcome back") })).ToBeVisibleAsync();
    }

    public static async Task CreateServerAsync(
        this IPage page, string name, string? description = null, bool isPublic = true)
    {
        ArgumentNullException.ThrowIfNull(page);

        await page.ShowNavigationAsync();
        await page.CreateServerButton().ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = page.Say("Create a server") });
        var nameBox = dialog.GetByLabel(page.Say("Server name"));
        // A person types once the caret is in the field: the dialog puts it there when its first render has come
        // back to the server (AutoFocus), which on a loaded machine can be well after the dialog is drawn.
        await Expect(nameBox).ToBeFocusedAsync();
        await nameBox.FillAsync(name);
        if (description is not null)
        {
            await dialog.GetByLabel(page.Say("Description")).FillAsync(description);
        }

        await dialog.GetByLabel(page.Say("Public")).SetCheckedAsync(isPublic);
        await dialog.GetByRole(AriaRole.Button, new() { Name = page.Say("Create"), Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page).ToHaveURLAsync(ChannelUrl());
        // From another server's channel the URL matched already: the new server is open once its name heads the
        // channel list (its text is there on a phone too, where the list is in the closed drawer).
        await Expect(page.Locator(".channel-column .column-header h2")).ToHaveTextAsync(name);
    }

    public static ILocator SearchResult(this IPage page, string serverName) =>
        page.GetByRole(AriaRole.List, new() { Name = page.Say("Search results") }).GetByRole(AriaRole.Listitem)
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = serverName, Exact = true }) });

    /// <summary>Opens Find servers and types a search, the way a user looks for a server.</summary>
    public static async Task SearchServersAsync(this IPage page, string query)
    {
        ArgumentNullException.ThrowIfNull(page);

        await page.ShowNavigationAsync();
        await page.ServerRail().GetByRole(AriaRole.Link, new() { Name = page.Say("Find servers") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = page.Say("Find servers") })).ToBeVisibleAsync();
        await page.GetByLabel(page.Say("Search public servers by name")).FillAsync(query);
    }

    public static async Task JoinServerAsync(this IPage page, string serverName)
    {
        ArgumentNullException.ThrowIfNull(page);

        await page.SearchServersAsync(serverName);
        await page.SearchResult(serverName).GetByRole(AriaRole.Button, new() { Name = page.Say("Join {0}", serverName) }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ChannelUrl());
        await Expect(page.ComposerBox()).ToBeEnabledAsync();
    }

    public static ILocator ChannelList(this IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = page.Say("Channels") });

    public static ILocator ChannelLink(this IPage page, string channelName) =>
        page.ChannelList().GetByRole(AriaRole.Link, new() { Name = channelName });

    /// <summary>The member list, also while it is a closed drawer (below 1,200 px), where its text is still there.</summary>
    public static ILocator MemberList(this IPage page) =>
        page.GetByRole(AriaRole.Complementary, new() { Name = page.Say("Members"), IncludeHidden = true });

    /// <summary>
    /// Waits until the box's keys (Enter sends, Up edits, Escape cancels) are wired up in the browser, which
    /// happens just after it first renders; a key pressed before that would only type.
    /// </summary>
    public static Task ExpectKeysReadyAsync(this ILocator box) => Expect(box).ToHaveAttributeAsync("data-keys", "ready");

    /// <summary>The message box: a combobox, as it offers members, channels and emoji while the user types.</summary>
    public static ILocator ComposerBox(this IPage page) =>
        page.GetByRole(AriaRole.Combobox, new() { Name = page.Say("Message"), Exact = true });

    /// <summary>The messages of the open channel whose text contains <paramref name="text"/>.</summary>
    public static ILocator Message(this IPage page, string text) =>
        page.MessageLog().GetByRole(AriaRole.Listitem).Filter(new() { HasText = text });

    /// <summary>Types a message and presses Enter; returns once the composer is empty, i.e. the message was stored.</summary>
    public static async Task SendMessageAsync(this IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);

        var composer = page.ComposerBox();
        await composer.ExpectKeysReadyAsync();
        await composer.FillAsync(text);
        await composer.PressAsync("Enter");
        await Expect(composer).ToHaveValueAsync("");
    }

    /// <summary>Creates a channel through the dialog; the creator's page then opens it.</summary>
    public static async Task CreateChannelAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);

        await page.ShowNavigationAsync();
        await page.ChannelList().GetByRole(AriaRole.Button, new() { Name = page.Say("+ Create channel") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = page.Say("Create channel") });
        await dialog.GetByLabel(page.Say("Channel name")).FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = page.Say("Create"), Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    // The README shows the app: CHAT_SCREENSHOTS=docs (a folder, relative to the repository) refreshes its pictures,
    // docs/screenshot.png (a desktop, in English) and docs/screenshot-phone.png (a phone, in Spanish).
    public static async Task SaveScreenshotAsync(this IPage page, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);

        if (Environment.GetEnvironmentVariable("CHAT_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        if (!Path.IsPathRooted(folder))
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Chat.sln")))
            {
                root = root.Parent;
            }

            folder = Path.Combine(root?.FullName ?? Environment.CurrentDirectory, folder);
        }

        // Away from the messages, so no hover toolbar shows in the picture, and no short-lived result over it.
        await page.ComposerBox().HoverAsync();
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync())
        {
            await close.ClickAsync();
        }

        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, fileName), Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>A short-lived result (a MudBlazor snackbar) that contains <paramref name="text"/>.</summary>
    public static ILocator Snackbar(this IPage page, string text) =>
        page.Locator("#mud-snackbar-container").GetByRole(AriaRole.Alert).Filter(new() { HasText = text });

    public static ILocator NotificationsButton(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = page.Say("Notifications"), Exact = true });

    /// <summary>The unread count on the bell; absent when everything is read.</summary>
    public static ILocator UnreadCount(this IPage page) => page.GetByTestId("unread-count");

    public static ILocator Inbox(this IPage page) => page.GetByRole(AriaRole.Dialog, new() { Name = page.Say("Notifications") });

    public static async Task<ILocator> OpenInboxAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        await page.ShowNavigationAsync();
        await page.NotificationsButton().ClickAsync();
        await Expect(page.Inbox()).ToBeVisibleAsync();
        return page.Inbox();
    }

    /// <summary>The invite dialog of the open server, through the server menu.</summary>
    public static async Task<ILocator> OpenInviteDialogAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        await page.ShowNavigationAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = page.Say("Server menu") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = page.Say("Invite people") }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = page.Say("Invite people to") });
        await Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    [GeneratedRegex(@"/account/login(\?|$)")]
    public static partial Regex LoginUrl();

    [GeneratedRegex(@"/servers/\d+/channels/\d+$")]
    public static partial Regex ChannelUrl();
}
