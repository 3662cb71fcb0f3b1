using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Chat.App.Localization;
using Chat.Domain.Messages;
using Microsoft.Extensions.Localization;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The words of a message around its content (MessageItem.resx), in the reader's language. A message injects
/// nothing and draws its toolbar as one block of markup (see MessageItem.razor), so its pane hands it these, made
/// once per language rather than looked up per message. The markup carries MessageItem's CSS scope, which the
/// project file fixes (<see cref="CssScope"/>), so the scoped styles reach it as they reach the component's own.
/// </summary>
internal sealed partial class MessageItemTexts
{
    /// <summary>MessageItem.razor.css's scope attribute, set in Chat.App.csproj.</summary>
    public const string CssScope = "b-message-item";

    private static readonly ConcurrentDictionary<CultureInfo, MessageItemTexts> ByCulture = new();

    private readonly string namesAnd;
    private readonly string reactionLabel;
    private readonly string reactionsLabel;
    private readonly string quoteLabel;
    private readonly MarkupString originalDeleted;

    private MessageItemTexts(IStringLocalizer l)
    {
        EditMessage = l["EditMessage"];
        EditHint = l["EditHint"];
        Save = l["Save"];
        Cancel = l["Cancel"];
        NewMessages = l["NewMessages"];
        var actions = $"<div class=\"message-actions\" {CssScope} role=\"toolbar\" aria-label=\"{Encode(l["Actions"])}\">";
        var unread = Button(l["MarkUnread"], l["MarkUnread"], "unread", "◉");
        actions += Button(l["Reply"], l["Reply"], ReplyActions.Reply,
            $"<svg {CssScope} viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\" fill=\"none\" "
            + "stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
            + $"<path {CssScope} d=\"M10 8 5 12l5 4M5 12h9a5 5 0 0 1 5 5v1\" /></svg>");
        actions += Button(l["AddReaction"], l["AddReaction"], ReactionActions.OpenPicker,
            $"<svg {CssScope} viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\" fill=\"none\" "
            + "stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
            + $"<circle {CssScope} cx=\"12\" cy=\"12\" r=\"9\" /><path {CssScope} d=\"M8.5 14.5c1.8 2 5.2 2 7 0M9 9.5h.01M15 9.5h.01\" /></svg>");
        namesAnd = l["NamesAnd"];
        reactionLabel = l["ReactionLabel"];
        reactionsLabel = l["Reactions"];
        quoteLabel = l["QuoteLabel"];
        originalDeleted = new MarkupString(
            $"<div class=\"reply-quote deleted\" {CssScope}>{Encode(l["OriginalDeleted"])}</div>");
        OwnActions = new MarkupString(actions
            + Button(l["Edit"], l["EditMessage"], "edit", "✎")
            + Button(l["Delete"], l["DeleteMessage"], "delete",
                $"<svg {CssScope} viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\" fill=\"none\" "
                + "stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
                + $"<path {CssScope} d=\"M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6\" /></svg>")
            + unread + "</div>");
        OtherActions = new MarkupString(actions + unread + "</div>");
        pins = new PinTexts(l, OwnActions, OtherActions);
        Edited = new MarkupString(
            $"<button type=\"button\" class=\"edited\" {CssScope} title=\"{Encode(l["EarlierVersions"])}\" data-action=\"history\">{Encode(l["Edited"])}</button>");
    }

    /// <summary>The texts in the current UI culture (the request's or the circuit's).</summary>
    public static MessageItemTexts Current => ByCulture.GetOrAdd(CultureInfo.CurrentUICulture,
        _ => new MessageItemTexts(StaticLocalizer.For(typeof(MessageItem))));

    public string EditMessage { get; }

    public string EditHint { get; }

    public string Save { get; }

    public string Cancel { get; }

    /// <summary>The divider before the first unread message.</summary>
    public string NewMessages { get; }

    /// <summary>The toolbar of one's own message: reply, react, edit, delete, mark unread.</summary>
    public MarkupString OwnActions { get; }

    /// <summary>The toolbar of someone else's message: reply, react, mark unread.</summary>
    public MarkupString OtherActions { get; }

    /// <summary>The "(edited)" button that opens the earlier versions.</summary>
    public MarkupString Edited { get; }

    /// <summary>
    /// The reactions under a message, as one block of markup (one frame, no handler: chat.js passes a click on, as it
    /// does for the toolbar). Each button says its emoji and count, is pressed when the reader reacted, and names who
    /// reacted in its title (hover, or a long press on a phone) and its accessible name.
    /// </summary>
    public MarkupString Reactions(IReadOnlyList<ReactionSummary> reactions)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"reactions\" {CssScope} role=\"group\" aria-label=\"{Encode(reactionsLabel)}\">");
        foreach (var reaction in reactions)
        {
            var names = Names(reaction);
            var count = reaction.Count.ToString("N0", CultureInfo.CurrentCulture);
            var label = string.Format(CultureInfo.CurrentCulture, reactionLabel, reaction.Emoji, count, names);
            html.Append(CultureInfo.InvariantCulture,
                $"<button type=\"button\" class=\"reaction\" {CssScope} aria-pressed=\"{(reaction.Mine ? "true" : "false")}\" ")
                .Append(CultureInfo.InvariantCulture, $"title=\"{Encode(names)}\" aria-label=\"{Encode(label)}\" ")
                .Append(CultureInfo.InvariantCulture, $"data-action=\"{Encode(ReactionActions.Toggle(reaction.Emoji))}\">")
                .Append(CultureInfo.InvariantCulture, $"<span {CssScope} aria-hidden=\"true\">{Encode(reaction.Emoji)}</span> {count}</button>");
        }

        return new MarkupString(html.Append("</div>").ToString());
    }

    /// <summary>
    /// The line above a reply: the original's author and start as plain text (encoded, so markup shows as written),
    /// a button that jumps to the original (chat.js passes the click on, as for the toolbar); or, when the original was
    /// deleted, a line that says so.
    /// </summary>
    public MarkupString Quote(MessageView reply)
    {
        if (reply.ReplyTo is not { } quote)
        {
            return originalDeleted;
        }

        var label = string.Format(CultureInfo.CurrentCulture, quoteLabel, quote.AuthorDisplayName, quote.Excerpt);
        return new MarkupString(
            $"<button type=\"button\" class=\"reply-quote\" {CssScope} data-action=\"{ReplyActions.JumpToOriginal}\" aria-label=\"{Encode(label)}\">"
            + $"<span class=\"reply-author\" {CssScope}>{Encode(quote.AuthorDisplayName)}</span> "
            + $"<span class=\"reply-excerpt\" {CssScope}>{Encode(quote.Excerpt)}</span></button>");
    }

    /// <summary>"Ana", "Ana and Bob", "Ana, Bob and Carl", "Ana, Bob, Carl and 2 others".</summary>
    public string Names(ReactionSummary reaction)
    {
        List<string> parts = [.. reaction.FirstNames];
        if (reaction.Count > parts.Count)
        {
            parts.Add(Plurals.Of(Plurals.Others, reaction.Count - parts.Count));
        }

        return parts.Count switch
        {
            0 => "",
            1 => parts[0],
            _ => string.Format(CultureInfo.CurrentCulture, namesAnd, string.Join(", ", parts[..^1]), parts[^1]),
        };
    }

    private static string Button(string title, string label, string action, string content) =>
        $"<button type=\"button\" {CssScope} title=\"{Encode(title)}\" aria-label=\"{Encode(label)}\" data-action=\"{action}\">{content}</button>";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
