using Markdig;
using Markdig.Renderers.Html;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Chat.App.Components.Messaging;

/// <summary>
/// Turns a message into HTML with the subset of Markdown chat people expect: bold, italic, strikethrough, code,
/// code blocks, quotes and links. Raw HTML is shown as text; a link that is not http, https or mailto keeps
/// only its text; images become links, so nobody embeds a tracking pixel in someone else's screen.
/// </summary>
public static class MessageMarkdown
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    // A live message reaches every open tab of its channel as one MessageView instance: it is turned into HTML once,
    // not once per tab, and every tab's render tree holds the same string. Entries go when the view is collected.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MessageView, string> Rendered = [];

    // Messages with a "#": their HTML depends on the server's channels, kept with the channels it was made with.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MessageView, LinkedHtml> RenderedWithChannels = [];

    /// <summary>The message's HTML, shared by every reader holding the same view.</summary>
    public static string ToHtml(MessageView message) => ToHtml(message, ChannelLinks.None);

    /// <summary>
    /// As above, with <c>#name</c> linking to the channel of that name in <paramref name="channels"/>. Readers of one
    /// message are in one server and see the same channels, so they still share one rendering.
    /// </summary>
    public static string ToHtml(MessageView message, ChannelLinks channels)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0 || !message.Content.Contains('#', StringComparison.Ordinal))
        {
            return Rendered.GetValue(message, m => ToHtml(m.Content));
        }

        if (RenderedWithChannels.TryGetValue(message, out var earlier) && earlier.Channels.Equals(channels))
        {
            return earlier.Html;
        }

        var html = ToHtml(message.Content, channels);
        RenderedWithChannels.AddOrUpdate(message, new LinkedHtml(channels, html));
        return html;
    }

    public static string ToHtml(string text) => ToHtml(text, ChannelLinks.None);

    public static string ToHtml(string text, ChannelLinks channels)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(channels);
        var document = Markdown.Parse(text, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            Sanitize(link);
        }

        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            Sanitize(link);
        }

        // After the links are checked: these are the app's own addresses, built here, never the author's.
        if (channels.Count > 0)
        {
            MessageChannelLinks.Add(document, channels);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The message as words, without its formatting, on one line: what a screen reader should say.</summary>
    public static string ToPlainText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = Markdown.ToPlainText(text, Pipeline);
        return string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static bool IsAllowedUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);

    private static void Sanitize(LinkInline link)
    {
        if (IsAllowedUrl(link.Url))
        {
            link.IsImage = false;
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer nofollow");
            link.GetAttributes().AddPropertyIfNotExist("target", "_blank");
            return;
        }

        // Keep what the author wrote as the link's text; drop the link itself.
        Inline previous = link;
        if (link.FirstChild is null)
        {
            previous.InsertAfter(new LiteralInline(link.Url ?? ""));
        }

        while (link.FirstChild is { } child)
        {
            child.Remove();
            previous.InsertAfter(child);
            previous = child;
        }

        link.Remove();
    }

    private static void Sanitize(AutolinkInline link)
    {
        if (!IsAllowedUrl(link.IsEmail ? "mailto:" + link.Url : link.Url))
        {
            link.ReplaceBy(new LiteralInline(link.Url));
        }
    }

    private sealed record LinkedHtml(ChannelLinks Channels, string Html);

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseSoftlineBreakAsHardlineBreak();

        // A chat line starting with "#" or "1." is a message, not a heading or a list.
        builder.BlockParsers.TryRemove<HeadingBlockParser>();
        builder.BlockParsers.TryRemove<ListBlockParser>();
        builder.BlockParsers.TryRemove<ThematicBreakParser>();
        builder.BlockParsers.TryRemove<HtmlBlockParser>();
        builder.BlockParsers.TryRemove<IndentedCodeBlockParser>();
        return builder.Build();
    }
}
