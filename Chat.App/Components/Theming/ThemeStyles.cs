using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Chat.App.Components.Theming;

/// <summary>
/// What MudBlazor's theme provider writes inline, rendered once, in both palettes: the CSP hashes of its
/// &lt;style&gt; elements (the palette's variables, the scrollbar, a chart rule), and the light palette as a
/// stylesheet for "match the system". MudBlazor has no nonce support; its style text depends only on
/// <see cref="ChatTheme"/> and the palette, so this is the exact text the browser sees, prerendered or inserted by
/// the circuit, and the policy can allow those texts instead of any inline style.
/// </summary>
public sealed partial class ThemeStyles(IServiceProvider services)
{
    private readonly Lazy<Task<Rendered>> rendered = new(() => RenderAsync(services));

    /// <summary>'sha256-…' sources for style-src-elem, one per distinct &lt;style&gt; text.</summary>
    public async Task<IReadOnlyList<string>> GetHashesAsync() => (await rendered.Value).Hashes;

    /// <summary>The light palette's variables for html[data-theme=system] while the device prefers light.</summary>
    public async Task<string> GetSystemLightCssAsync() => (await rendered.Value).SystemLightCss;

    private static async Task<Rendered> RenderAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var hashes = new SortedSet<string>(StringComparer.Ordinal);
        var systemLight = "";
        foreach (var dark in new[] { true, false })
        {
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(MudThemeProvider.Theme)] = ChatTheme.Theme,
                    [nameof(MudThemeProvider.IsDarkMode)] = dark,
                });
                return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
            });
            foreach (Match style in StyleElement().Matches(html))
            {
                var text = style.Groups[1].Value;
                hashes.Add($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'");
                if (!dark && text.TrimStart().StartsWith(":root", StringComparison.Ordinal))
                {
                    var rules = text[(text.IndexOf(":root", StringComparison.Ordinal) + ":root".Length)..];
                    systemLight = $"@media (prefers-color-scheme: light) {{ html[data-theme=\"system\"]{rules} }}";
                }
            }
        }

        return new Rendered([.. hashes], systemLight);
    }

    private sealed record Rendered(IReadOnlyList<string> Hashes, string SystemLightCss);

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
