using System.Net;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>
/// Registration creates the account through Identity rather than a domain service, so its form applies the
/// domain's <see cref="Chat.Domain.Text.VisibleText"/> rule itself: nobody starts out as a mirrored or blank "Alice".
/// </summary>
public sealed class RegistrationDisplayNameTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Theory]
    [InlineData("\u202EecilA", "cannot contain invisible or control characters (it has U+202E)")]
    [InlineData("\u200B\u200B", "cannot contain invisible or control characters (it has U+200B)")]
    [InlineData("...", "needs at least one letter or digit")]
    public async Task Register_InvisibleOrLetterlessDisplayName_IsRefusedNextToTheFieldAndCreatesNoAccount(
        string displayName, string expected)
    {
        using var client = app.CreateBrowserClient();
        var account = TestAccount.New() with { DisplayName = displayName };

        using var response = await client.RegisterAsync(account);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var field = body.IndexOf("id=\"register-display-name\"", StringComparison.Ordinal);
        var next = body.IndexOf("id=\"register-email\"", StringComparison.Ordinal);
        var message = body.IndexOf($"A display name {expected}", StringComparison.Ordinal);
        Assert.True(field >= 0 && field < message && message < next, $"The message is not under the display name field:\n{body}");
        Assert.Equal(0, await app.CountUsersAsync(account));
    }
}
