using Chat.Domain.Messages;

namespace Chat.Tests.Domain;

/// <summary>
/// The parsing of mentions on its own, without a database: what a tab recognises in an event must be what send
/// stores (the stored side is covered per database in MessageSendingTests and NotificationTests).
/// </summary>
public sealed class MentionParserTests
{
    [Theory]
    [InlineData("hi @ana", "ana", true)]
    [InlineData("hi @ANA", "ana", true)]
    [InlineData("thanks @ana.", "ana", true)]
    [InlineData("thanks @ana...", "ana", true)]
    [InlineData("mail ana@example.org", "ana", false)]
    [InlineData("hi @anabel", "ana", false)]
    [InlineData("hi ana", "ana", false)]
    [InlineData("hi @ana", null, false)]
    [InlineData("hi @ana", "", false)]
    [InlineData("@j.r. said so", "j.r.", true)]
    public void Mentions_ReadsTheNameAsSendStoresIt(string content, string? userName, bool expected) =>
        Assert.Equal(expected, MentionParser.Mentions(content, userName));

    [Fact]
    public void Names_NormalizedOnceEach_WithAndWithoutTrailingDots()
    {
        var names = MentionParser.Names("@Ana and @ana, @j.r. and @bo @everyone; not mail@example.org");

        Assert.Equal(["ANA", "J.R.", "J.R", "EVERYONE"], names);
    }

    [Fact]
    public void Names_NoMention_IsEmpty() =>
        Assert.Empty(MentionParser.Names("no one here, not even a@b.c"));
}
