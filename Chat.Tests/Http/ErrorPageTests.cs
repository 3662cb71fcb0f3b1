using System.Net;
using System.Net.Http.Headers;
using Chat.Domain.Communities;
using Chat.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Http;

/// <summary>One app per environment, each with a logged-in user, shared by the tests of <see cref="ErrorPageTests"/>.</summary>
public sealed class ErrorPageHosts : IAsyncLifetime
{
    public ThrowingAppFactory Development { get; } = new();

    public ThrowingAppFactory Production { get; } = new() { EnvironmentName = "Production" };

    public HttpClient DevelopmentUser { get; private set; } = default!;

    public HttpClient ProductionUser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        (DevelopmentUser, _) = await Development.CreateLoggedInClientAsync();
        (ProductionUser, _) = await Production.CreateLoggedInClientAsync();
    }

    public async Task DisposeAsync()
    {
        DevelopmentUser.Dispose();
        ProductionUser.Dispose();
        await Development.DisposeAsync();
        await Production.DisposeAsync();
    }
}

public sealed class ErrorPageTests(ErrorPageHosts hosts) : IClassFixture<ErrorPageHosts>
{
    private const string BackLink = "Back to Chat</a>";

    [Fact]
    public async Task UnknownUrl_WhenLoggedIn_Returns404PageWithWayBack()
    {
        var client = hosts.DevelopmentUser;

        using var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(">Page not found</h1>", html, StringComparison.Ordinal);
        Assert.Contains(BackLink, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/servers/{0}")]
    [InlineData("/servers/{0}/channels/{1}")]
    public async Task ServerPage_WhenNotAMember_Returns403PageWithoutTheServersName(string pathFormat)
    {
        const string secretName = "Velvet Underground HQ";
        var server = await CreateServerOfAnotherUserAsync(hosts.Development, secretName);
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, server.Id, server.FirstChannelId);

        using var response = await hosts.DevelopmentUser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(">You do not have access</h1>", html, StringComparison.Ordinal);
        Assert.Contains(BackLink, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Velvet", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/servers/987654")]
    [InlineData("/servers/987654/channels/1")]
    public async Task ServerPage_OfUnknownServer_Returns404Page(string path)
    {
        var client = hosts.DevelopmentUser;

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(">Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelPage_OfUnknownChannelInOwnServer_Returns404Page()
    {
        var owner = await hosts.Development.CreateLoggedInClientAsync("owner");
        using var ownerClient = owner.Client;
        var user = await hosts.Development.FindUserAsync(owner.Account.UserName);
        var server = await CreateServerAsync(hosts.Development, user!.Id, "Own server");

        using var response = await ownerClient.GetAsync($"/servers/{server.Id}/channels/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(">Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPost_WithoutAntiforgeryToken_Returns400Page()
    {
        using var client = hosts.Production.CreateBrowserClient();
        using var form = new FormUrlEncodedContent(
        [
            new("_handler", "login"),
            new("Input.UserNameOrEmail", "someone"),
            new("Input.Password", "correct horse battery"),
        ]);

        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(">Bad request</h1>", html, StringComparison.Ordinal);
        Assert.Contains(BackLink, html, StringComparison.Ordinal);
    }

    // In Development Blazor writes a plain-text hint for the developer instead of leaving the body to our page.
    [Fact]
    public async Task LoginPost_WithoutAntiforgeryTokenInDevelopment_Returns400()
    {
        using var client = hosts.Development.CreateBrowserClient();
        using var form = new FormUrlEncodedContent([new("_handler", "login")]);

        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // A malformed request as a script or a broken client sends it: JSON posted to a page that takes a form.
    [Fact]
    public async Task LoginPost_WithJsonBody_Returns400Page()
    {
        using var client = hosts.Production.CreateBrowserClient();
        using var json = new StringContent("""{"userName":"someone"}""", new MediaTypeHeaderValue("application/json"));

        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(">Bad request</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnhandledException_InProduction_Returns500PageWithoutDetails()
    {
        var client = hosts.ProductionUser;

        using var response = await client.GetAsync(ThrowingAppFactory.ThrowingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(">Something went wrong</h1>", html, StringComparison.Ordinal);
        Assert.Contains(BackLink, html, StringComparison.Ordinal);
        AssertNoExceptionDetails(html);
    }

    [Fact]
    public async Task UnhandledException_InDevelopment_Returns500Page()
    {
        var client = hosts.DevelopmentUser;

        using var response = await client.GetAsync(ThrowingAppFactory.ThrowingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(">Something went wrong</h1>", html, StringComparison.Ordinal);
        AssertNoExceptionDetails(html);
    }

    private static void AssertNoExceptionDetails(string html)
    {
        Assert.DoesNotContain("Boom", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(ThrowingAppFactory), html, StringComparison.Ordinal);
        Assert.DoesNotContain("StackTrace", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at Microsoft.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", html, StringComparison.Ordinal);
    }

    private static async Task<CommunitySummary> CreateServerOfAnotherUserAsync(ChatAppFactory app, string name)
    {
        var owner = await app.CreateUserWithoutPasswordAsync("owner");
        return await CreateServerAsync(app, owner.Id, name);
    }

    private static async Task<CommunitySummary> CreateServerAsync(ChatAppFactory app, string ownerId, string name) =>
        await app.Services.GetRequiredService<CommunityService>()
            .CreateAsync(ownerId, name, description: $"{name}, a place of secrets", isPublic: false);
}
