namespace Chat.Tests.Support;

/// <summary>The screen sizes the interface is built for (MainLayout): a desktop, a tablet and a phone.</summary>
public sealed record Screen(string Name, int Width, int Height, bool IsTouch)
{
    public static Screen Desktop { get; } = new("desktop", 1280, 800, false);

    /// <summary>Between 600 and 1,199 px: rail and channels docked, the member list a drawer.</summary>
    public static Screen Tablet { get; } = new("tablet", 768, 1024, false);

    /// <summary>Below 600 px, a touch screen: one column, the navigation a drawer from the app bar.</summary>
    public static Screen Phone { get; } = new("phone", 390, 844, true);

    public static Screen Named(string name) =>
        new[] { Desktop, Tablet, Phone }.Single(s => s.Name == name);

    public bool IsPhone => Width < 600;

    public override string ToString() => Name;
}
