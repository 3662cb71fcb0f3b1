using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Chat.Tests.Support;

namespace Chat.Tests.Http;

/// <summary>The page loads .NET 10's blazor.web.js as the template serves it: fingerprinted and compressed.</summary>
public sealed partial class FrameworkScriptTests(ChatAppFactory app) : IClassFixture<ChatAppFactory>
{
    [Fact]
    public async Task Page_LoadsTheFingerprintedDotNet10Script_Compressed()
    {
        using var client = app.CreateBrowserClient();
        var html = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var src = FingerprintedScript().Match(html);
        Assert.True(src.Success, $"No fingerprinted blazor.web.js in the page:\n{html}");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/" + src.Value, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A build compresses with gzip, `dotnet publish` with Brotli too.
        var encoding = Assert.Single(response.Content.Headers.ContentEncoding);
        var body = await response.Content.ReadAsStreamAsync();
        await using Stream decompressed = encoding == "br"
            ? new BrotliStream(body, CompressionMode.Decompress)
            : new GZipStream(body, CompressionMode.Decompress);
        var script = await new StreamReader(decompressed).ReadToEndAsync();
        // The reconnect dialog's event, new in .NET 10 (Components/Layout/ReconnectModal.razor.js listens to it).
        Assert.Contains("components-reconnect-state-changed", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainPath_ServesTheSameDotNet10Script()
    {
        using var client = app.CreateBrowserClient();

        var script = await client.GetStringAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));

        Assert.Contains("components-reconnect-state-changed", script, StringComparison.Ordinal);
        Assert.Contains("resumeCircuit", script, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"_framework/blazor\.web\.[a-z0-9]{6,}\.js")]
    private static partial Regex FingerprintedScript();
}
