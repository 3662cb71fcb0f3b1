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
            // The accent as text (the brand, the error code): 6:1 on the dark backgrounds, where Primary is 2.7:1.
            PrimaryLighten = "#949cf7",
            Secondary = "#b5bac1",
            Info = "#00a8fc",
            Success = "#23a559",
            // Dark enough for white text on it (badges, the delete button) to pass WCAG AA.
            Error = "#da373c",
            // Red text on the dark background (validation messages): 5:1 on #313338.
            ErrorLighten = "#fc8a8e",
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
        // The same roles as the dark palette; every text colour is at least 4.5:1 on the backgrounds it is used on.
        PaletteLight = new PaletteLight
        {
            Primary = "#4752c4",
            PrimaryDarken = "#3c45a5",
            // The accent as text: on a light background it has to be darker, not lighter (7:1 on white).
            PrimaryLighten = "#3c45a5",
            Secondary = "#4e5058",
            Info = "#0060b0",
            Success = "#1f8b4c",
            Error = "#c62d32",
            // Red text on the light background (the name says "lighten"; on white it has to be darker): 6:1 on white.
            ErrorLighten = "#b3242a",
            Warning = "#b36b00",
            Black = "#060607",
            Background = "#ffffff",
            BackgroundGray = "#e3e5e8",
            Surface = "#f2f3f5",
            DrawerBackground = "#f2f3f5",
            DrawerText = "#060607",
            DrawerIcon = "#4e5058",
            AppbarBackground = "#e3e5e8",
            AppbarText = "#060607",
            TextPrimary = "#060607",
            TextSecondary = "#4e5058",
            TextDisabled = "#6d6f78",
            ActionDefault = "#4e5058",
            ActionDisabled = "#80848e",
            ActionDisabledBackground = "#e3e5e8",
            LinesDefault = "#d4d7dc",
            LinesInputs = "#80848e",
            Divider = "#d4d7dc",
            DividerLight = "#e3e5e8",
            TableHover = "#e0e1e5",
            GrayLight = "#e0e1e5",
            GrayLighter = "#f2f3f5",
            GrayDark = "#c4c9ce",
            OverlayDark = "rgba(0,0,0,0.5)",
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
            // The rail (72 px) and the channel list (240 px), docked side by side from 600 px.
            DrawerWidthLeft = "312px",
            DrawerWidthRight = "280px",
        },
    };
}
