using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Chat.App.Components.Theming;

/// <summary>
/// The light palette's variables as MudBlazor's theme provider writes them, rendered once, as a stylesheet for
/// "match the system": a page prerenders dark, and this stylesheet turns it light on a light device before any
/// script runs. The text depends only on <see cref="ChatTheme"/>, so a MudBlazor upgrade updates it.
/// </summary>
public sealed partial class ThemeStyles(IServiceProvider services)
{
    private readonly Lazy<Task<string>> systemLightCss = new(() => RenderAsync(services));

    /// <summary>The light palette's variables for html[data-theme=system] while the device prefers light.</summary>
    public Task<string> GetSystemLightCssAsync() => systemLightCss.Value;

    private static async Task<string> RenderAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = ChatTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = false,
            });
            return (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        });
        foreach (Match style in StyleElement().Matches(html))
        {
            var text = style.Groups[1].Value;
            if (text.TrimStart().StartsWith(":root", StringComparison.Ordinal))
            {
                var rules = text[(text.IndexOf(":root", StringComparison.Ordinal) + ":root".Length)..];
                return $"@media (prefers-color-scheme: light) {{ html[data-theme=\"system\"]{rules} }}";
            }
        }

        throw new InvalidOperationException("MudBlazor's theme provider wrote no :root palette.");
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
