using Chat.App.Components.Messaging;

namespace Chat.Tests.Components;

public sealed class MessageMarkdownTests
{
    [Theory]
    [InlineData("**bold**", "<strong>bold</strong>")]
    [InlineData("*italic*", "<em>italic</em>")]
    [InlineData("~~gone~~", "<del>gone</del>")]
    [InlineData("`code`", "<code>code</code>")]
    [InlineData("> quoted", "<blockquote>")]
    [InlineData("```\nvar x = 1;\n```", "<pre><code>var x = 1;")]
    public void ToHtml_SupportedMarkdown_IsRendered(string text, string expected)
    {
        var html = MessageMarkdown.ToHtml(text);

        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<script>alert(1)</script>")]
    public void ToHtml_RawHtml_IsShownAsText(string text)
    {
        var html = MessageMarkdown.ToHtml(text);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](vbscript:msgbox)")]
    public void ToHtml_LinkWithUnsafeScheme_KeepsOnlyTheText(string text)
    {
        var html = MessageMarkdown.ToHtml(text);

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[site](https://example.org)", "https://example.org")]
    [InlineData("see https://example.org/page", "https://example.org/page")]
    [InlineData("[mail](mailto:ana@example.org)", "mailto:ana@example.org")]
    public void ToHtml_SafeLink_OpensInNewTabWithoutReferrer(string text, string href)
    {
        var html = MessageMarkdown.ToHtml(text);

        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
        Assert.Contains("target=\"_blank\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Image_BecomesALink()
    {
        var html = MessageMarkdown.ToHtml("![pixel](https://tracker.example/p.gif)");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://tracker.example/p.gif\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# not a heading", "<h1")]
    [InlineData("1. not a list", "<ol")]
    public void ToHtml_ChatLinesStartingLikeMarkdownBlocks_StayText(string text, string notExpected)
    {
        var html = MessageMarkdown.ToHtml(text);

        Assert.DoesNotContain(notExpected, html, StringComparison.Ordinal);
        Assert.Contains(text[2..], html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_OneViewSeenByManyReaders_IsRenderedOnce()
    {
        var view = new Chat.Domain.Messages.MessageView(1, 1, "u", "ana", "Ana", "**hello** there", DateTime.UtcNow, null);

        var first = MessageMarkdown.ToHtml(view);
        var second = MessageMarkdown.ToHtml(view);

        Assert.Same(first, second);
        Assert.Equal(MessageMarkdown.ToHtml(view.Content), first);
    }
}
