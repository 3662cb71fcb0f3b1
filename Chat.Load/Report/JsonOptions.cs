using System.Text.Json;

namespace Chat.Load.Report;

internal static class JsonOptions
{
    public static JsonSerializerOptions Report { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}
