using System.Net;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.AspNetCore.WebUtilities;

namespace Chat.Tests.Http;

/// <summary>The fallback policy: every page needs a logged-in user, except the account and error pages (and what they need to be painted).</summary>
public sealed class AuthorizationTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    // Everything else the app maps must send an anonymous visitor to the login page. A new page or endpoint is
    // covered by EveryEndpoint_WhenAnonymous_RedirectsToLogin without anyone remembering to add it.
    private static readonly string[] AnonymousPrefixes = ["/account/login", "/account/register", "/error/", "/not-found", "/_blazor", "/_framework/", "/health/", "/theme/", "/account/language"];

    [Fact]
    public async Task EveryEndpoint_WhenAnonymous_RedirectsToLogin()
    {
        using var client = app.CreateBrowserClient();
        var paths = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            // The catch-all fallback (MapFallback's order) answers every unknown URL with 404 (NotFoundTests).
            .Where(e => e.Order != int.MaxValue)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => SamplePath(e.RoutePattern))
            .Where(path => !AnonymousPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
            .Distinct()
            .ToList();
        var failures = new List<string>();

        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath != "/account/login")
            {
                failures.Add($"{path} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        // The pages and the avatar endpoint at least; an empty list would mean the enumeration found nothing.
        Assert.Contains("/servers/1/channels/1", paths);
        Assert.Contains("/avatars/abc/1", paths);
        Assert.Contains("/files/1/abc", paths);
        Assert.Contains("/thumbnails/1", paths);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void AnonymousPrefixes_EachMatchAnEndpoint()
    {
        var paths = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => SamplePath(e.RoutePattern))
            .ToList();

        Assert.All(AnonymousPrefixes, prefix => Assert.Contains(paths, path => path.StartsWith(prefix, StringComparison.Ordinal)));
    }

    /// <summary>A URL the pattern matches: an int for int parameters, "abc" for the others.</summary>
    private static string SamplePath(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "1",
            RoutePatternParameterPart => "abc",
            _ => "",
        }))));

    [Theory]
    [InlineData("/")]
    [InlineData("/servers/1")]
    [InlineData("/servers/1/channels/1")]
    public async Task Page_WhenAnonymous_RedirectsToLoginWithReturnUrl(string path)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/account/login", location.AbsolutePath);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(path, query["ReturnUrl"].ToString());
    }

    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/account/register", HttpStatusCode.OK)]
    [InlineData("/error/400", HttpStatusCode.BadRequest)]
    [InlineData("/error/403", HttpStatusCode.Forbidden)]
    [InlineData("/error/404", HttpStatusCode.NotFound)]
    [InlineData("/error/500", HttpStatusCode.InternalServerError)]
    public async Task AccountOrErrorPage_WhenAnonymous_IsServed(string path, HttpStatusCode expected)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/app.css")]
    public async Task StaticAsset_WhenAnonymous_IsServed(string path)
    {
        using var client = app.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
