using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Chat.Load.Connections;

/// <summary>
/// Blazor Server's own hub protocol ("blazorpack", MessagePack). The type is internal to the shared framework, so
/// it is created by reflection: acceptable in a load tool, whose point is to speak exactly what browsers speak.
/// </summary>
internal static class BlazorPack
{
    public static IHubProtocol Protocol { get; } = (IHubProtocol)Activator.CreateInstance(
        typeof(CircuitOptions).Assembly.GetType(
            "Microsoft.AspNetCore.Components.Server.BlazorPack.BlazorPackHubProtocol", throwOnError: true)!,
        nonPublic: true)!;

    /// <summary>
    /// The argument types of what the server calls on a browser (blazor.web.js registers the same targets);
    /// only StartCircuit is invoked with an id, and it returns the circuit's secret.
    /// </summary>
    public static IInvocationBinder Binder { get; } = new CircuitBinder();

    private sealed class CircuitBinder : IInvocationBinder
    {
        private static readonly Dictionary<string, Type[]> Targets = new(StringComparer.Ordinal)
        {
            ["JS.RenderBatch"] = [typeof(long), typeof(byte[])],
            // .NET 10 adds the call type (function, constructor, property) to what blazor.web.js 9.0 reads.
            ["JS.BeginInvokeJS"] = [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)],
            ["JS.EndInvokeDotNet"] = [typeof(string), typeof(bool), typeof(string)],
            ["JS.EndUpdateRootComponents"] = [typeof(long)],
            ["JS.Error"] = [typeof(string)],
            ["JS.AttachComponent"] = [typeof(int), typeof(string)],
            ["JS.EndLocationChanging"] = [typeof(int), typeof(bool)],
            ["JS.ReceiveByteArray"] = [typeof(int), typeof(byte[])],
            ["JS.BeginTransmitStream"] = [typeof(long)],
        };

        public Type GetReturnType(string invocationId) => typeof(string);

        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            Targets.TryGetValue(methodName, out var types)
                ? types
                : throw new InvalidOperationException($"The server called {methodName}, which this client does not know.");

        public Type GetStreamItemType(string streamId) =>
            throw new InvalidOperationException("The circuit client takes no streams.");
    }
}
