namespace Chat.App.Components.Tabs;

/// <summary>
/// Ends the circuit of a tab closed to make room: Blazor tears down a circuit whose components raise an exception
/// that no error boundary catches, which is the only way the framework offers to end one from the server.
/// </summary>
public sealed class TabClosedException() : Exception("This tab was closed: its user opened more tabs than allowed.");
