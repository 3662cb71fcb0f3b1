using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Chat.App.Components.Theming;

/// <summary>
/// Both palettes' variables as MudBlazor's theme provider writes them, rendered once, as a stylesheet for
/// "match the system": each under its prefers-color-scheme query, so the page follows the device by CSS alone, from
/// the first paint and whatever the circuit is doing. The text depends only on <see cref="ChatTheme"/>, so a
/// MudBlazor upgrade updates it.
/// </summary>
public sealed partial class ThemeStyles(IServiceProvider services)
{
    private readonly Lazy<Task<string>> systemCss = new(async () =>
        await RenderAsync(services, dark: false) + "\n" + await RenderAsync(services, dark: true));

    /// <summary>The palettes for html[data-theme=system], each while the device prefers it.</summary>
    public Task<string> GetSystemCssAsync() => systemCss.Value;

    private static async Task<string> RenderAsync(IServiceProvider services, bool dark)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
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
            if (text.TrimStart().StartsWith(":root", StringComparison.Ordinal))
            {
                var rules = text[(text.IndexOf(":root", StringComparison.Ordinal) + ":root".Length)..];
                return $"@media (prefers-color-scheme: {(dark ? "dark" : "light")}) {{ html[data-theme=\"system\"]{rules} }}";
            }
        }

        throw new InvalidOperationException("MudBlazor's theme provider wrote no :root palette.");
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
