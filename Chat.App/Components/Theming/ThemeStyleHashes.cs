using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Chat.App.Components.Theming;

/// <summary>
/// The CSP hashes of the inline &lt;style&gt; elements MudBlazor's theme provider writes (the palette's variables,
/// the scrollbar, a chart rule), in each palette. MudBlazor has no nonce support; its style text depends only on
/// <see cref="ChatTheme"/> and the palette, so rendering it once at startup gives the exact text the browser will
/// see, prerendered or inserted by the circuit, and the policy can allow those texts instead of any inline style.
/// </summary>
public static partial class ThemeStyleHashes
{
    public static async Task<IReadOnlyList<string>> ComputeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var hashes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var dark in new[] { true, false })
        {
            ct.ThrowIfCancellationRequested();
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(MudThemeProvider.Theme)] = ChatTheme.Theme,
                    [nameof(MudThemeProvider.IsDarkMode)] = dark,
                });
                var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
                return output.ToHtmlString();
            });
            foreach (Match style in StyleElement().Matches(html))
            {
                hashes.Add($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.Groups[1].Value)))}'");
            }
        }

        return [.. hashes];
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
