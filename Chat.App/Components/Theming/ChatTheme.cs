using MudBlazor;

namespace Chat.App.Components.Theming;

/// <summary>
/// The one place colours come from. MudBlazor writes each palette as --mud-palette-* variables; the light markup
/// (message rows, member rows, the rail) reads those variables too, so it follows the theme without components.
/// </summary>
public static class ChatTheme
{
    // The chat apps people use daily: no web font (there is no outside network, and the CSP forbids one).
    private static readonly string[] FontFamily = ["\"gg sans\"", "\"Noto Sans\"", "\"Helvetica Neue\"", "Helvetica", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#5865f2",
            PrimaryDarken = "#4752c4",
            Secondary = "#b5bac1",
            Info = "#00a8fc",
            Success = "#23a559",
            Error = "#f23f43",
            Warning = "#f0b232",
            Black = "#1e1f22",
            // The message pane, the columns beside it, and the rail and app bar behind them.
            Background = "#313338",
            BackgroundGray = "#1e1f22",
            Surface = "#2b2d31",
            DrawerBackground = "#2b2d31",
            DrawerText = "#f2f3f5",
            DrawerIcon = "#b5bac1",
            AppbarBackground = "#1e1f22",
            AppbarText = "#f2f3f5",
            TextPrimary = "#f2f3f5",
            TextSecondary = "#b5bac1",
            TextDisabled = "#80848e",
            ActionDefault = "#b5bac1",
            ActionDisabled = "#80848e",
            ActionDisabledBackground = "#383a40",
            LinesDefault = "#1f2023",
            LinesInputs = "#4e5058",
            Divider = "#1f2023",
            DividerLight = "#3f4147",
            // Hovered and selected rows.
            TableHover = "#383a40",
            GrayLight = "#383a40",
            GrayLighter = "#2b2d31",
            GrayDark = "#1e1f22",
            OverlayDark = "rgba(0,0,0,0.6)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            // Sentence case like every other button and link in the app, not Material's capitals.
            Button = new ButtonTypography { TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "4px",
        },
    };
}
