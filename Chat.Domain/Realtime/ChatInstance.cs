namespace Chat.Domain.Realtime;

/// <summary>
/// This process among the app's instances. <see cref="Id"/> is new at every start, so two instances can never take
/// each other's events for their own, even when configured with the same <see cref="Name"/>, which is for logs.
/// </summary>
public sealed record ChatInstance(string Id, string Name)
{
    public static ChatInstance Start(string? name) =>
        new(Guid.NewGuid().ToString("N"), string.IsNullOrWhiteSpace(name) ? Environment.MachineName : name);
}
