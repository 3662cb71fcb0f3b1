using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Chat.App.Components.Theming;

/// <summary>
/// The theme as stylesheets: what MudBlazor's theme provider writes into its style elements (the palette's
/// variables and its base rules), rendered once per palette and served as /theme/dark.css, light.css and
/// system.css. A page links the one its theme cookie names, so no circuit renders or holds that text: in each
/// live tab the provider's text was the largest part of what MudBlazor added per circuit (docs/performance.md).
/// "Match the system" is both palettes under their prefers-color-scheme queries, so the page follows the device
/// by CSS alone. The text depends only on <see cref="ChatTheme"/>, so a MudBlazor upgrade updates it.
/// </summary>
public sealed partial class ThemeStyles
{
    private readonly Lazy<Task<string>> dark;
    private readonly Lazy<Task<string>> light;
    private readonly Lazy<Task<string>> system;

    public ThemeStyles(IServiceProvider services)
    {
        dark = new(() => RenderAsync(services, dark: true));
        light = new(() => RenderAsync(services, dark: false));
        system = new(async () => $$"""
            @media (prefers-color-scheme: light) {
            {{await light.Value}}
            }
            @media (prefers-color-scheme: dark) {
            {{await dark.Value}}
            }
            """);
    }

    public Task<string> GetCssAsync(ThemeChoice theme) => theme switch
    {
        ThemeChoice.Light => light.Value,
        ThemeChoice.System => system.Value,
        _ => dark.Value,
    };

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
        var css = new StringBuilder();
        foreach (Match style in StyleElement().Matches(html))
        {
            css.AppendLine(style.Groups[1].Value.Trim());
        }

        return css.Length > 0 ? css.ToString() : throw new InvalidOperationException("MudBlazor's theme provider wrote no style.");
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
