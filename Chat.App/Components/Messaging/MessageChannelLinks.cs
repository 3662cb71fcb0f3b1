using System.Text;
using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Chat.App.Components.Messaging;

/// <summary>
/// Turns <c>#name</c> in a message's text into a link to that channel, when the server has a channel of that name. Only
/// plain text is looked at: code, and the text of links the author wrote, stay as they are.
/// </summary>
internal static partial class MessageChannelLinks
{
    public static void Add(MarkdownDocument document, ChannelLinks channels)
    {
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            // Markdig splits text where emphasis might start ("#off_topic" is two pieces): each run is taken whole, from
            // its first piece.
            if (literal.Parent is null || literal.PreviousSibling is LiteralInline || InsideLink(literal))
            {
                continue;
            }

            var text = new StringBuilder(literal.Content.ToString());
            while (literal.NextSibling is LiteralInline next)
            {
                text.Append(next.Content.ToString());
                next.Remove();
            }

            Link(literal, text.ToString(), channels);
        }
    }

    private static void Link(LiteralInline literal, string text, ChannelLinks channels)
    {
        var parts = new List<Inline>();
        var from = 0;
        foreach (Match match in ChannelMention().Matches(text))
        {
            // "see #general." ends a sentence: the name without the trailing punctuation, if that is a channel.
            var name = match.Groups[1].Value;
            var url = channels.UrlOf(name);
            if (url is null)
            {
                name = name.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '"', '\'');
                url = name.Length > 0 ? channels.UrlOf(name) : null;
            }

            if (url is null)
            {
                continue;
            }

            parts.Add(new LiteralInline(text[from..match.Index]));
            var link = new LinkInline(url, "");
            link.AppendChild(new LiteralInline("#" + name));
            link.GetAttributes().AddClass("channel-link");
            parts.Add(link);
            from = match.Index + 1 + name.Length;
        }

        if (parts.Count == 0)
        {
            literal.Content = new StringSlice(text);
            return;
        }

        parts.Add(new LiteralInline(text[from..]));
        foreach (var part in parts)
        {
            literal.InsertBefore(part);
        }

        literal.Remove();
    }

    private static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

    // As the composer's trigger (AutocompleteTrigger): after a space, a bracket or a quote, or at the start; not in
    // "issue#4" or an address's "#fragment".
    [GeneratedRegex(@"(?<![^\s(\[{""'])#([^\s#]+)")]
    private static partial Regex ChannelMention();
}
