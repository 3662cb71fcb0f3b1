using Microsoft.Extensions.Localization;

namespace Chat.App.Components.Messaging;

/// <summary>A message's pin marker and the toolbars with Pin or Unpin, which only the owner and admins see.</summary>
internal sealed partial class MessageItemTexts
{
    private readonly PinTexts pins;

    /// <summary>The small pin beside a pinned message's text.</summary>
    public MarkupString PinMarker => pins.Marker;

    /// <summary>
    /// The toolbar for this reader and message: with Pin or Unpin when the reader may pin (the pin service checks
    /// again). One of six blocks made once per language, as the plain toolbars are.
    /// </summary>
    public MarkupString Actions(bool own, bool canPin, bool pinned) =>
        !canPin ? (own ? OwnActions : OtherActions)
        : pinned ? (own ? pins.OwnUnpin : pins.OtherUnpin)
        : own ? pins.OwnPin : pins.OtherPin;

    private sealed class PinTexts
    {
        public PinTexts(IStringLocalizer l, MarkupString own, MarkupString other)
        {
            var icon = $"<svg {CssScope} viewBox=\"0 0 24 24\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\" "
                + "fill=\"currentColor\"><path " + CssScope + " d=\"M16 3H8v2l1 1v5l-3 3v2h5v6l1 1 1-1v-6h5v-2l-3-3V6l1-1V3Z\" /></svg>";
            var pin = Button(l["PinMessage"], l["PinMessage"], PinActions.Pin, icon);
            var unpin = Button(l["UnpinMessage"], l["UnpinMessage"], PinActions.Unpin, icon);
            OwnPin = With(own, pin);
            OtherPin = With(other, pin);
            OwnUnpin = With(own, unpin);
            OtherUnpin = With(other, unpin);
            Marker = new MarkupString(
                $"<span class=\"pin-marker\" {CssScope} role=\"img\" aria-label=\"{Encode(l["Pinned"])}\" title=\"{Encode(l["Pinned"])}\">{icon}</span>");
        }

        public MarkupString OwnPin { get; }

        public MarkupString OtherPin { get; }

        public MarkupString OwnUnpin { get; }

        public MarkupString OtherUnpin { get; }

        public MarkupString Marker { get; }

        // The button goes last inside the toolbar's element.
        private static MarkupString With(MarkupString toolbar, string button) =>
            new(toolbar.Value[..toolbar.Value.LastIndexOf("</div>", StringComparison.Ordinal)] + button + "</div>");
    }
}
