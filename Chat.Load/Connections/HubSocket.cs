using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using Chat.Load.Measuring;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Chat.Load.Connections;

/// <summary>
/// A SignalR connection over a raw <see cref="ClientWebSocket"/> (Microsoft's client package does not restore
/// here): the handshake, then hub messages in the given protocol. Everything received is first shown to the
/// <see cref="Receiver"/>, stamped with the time it arrived, and then parsed and handed to the owner.
/// </summary>
internal sealed class HubSocket : IAsyncDisposable
{
    private const int InitialBuffer = 4 * 1024;

    private readonly ClientWebSocket socket;
    private readonly IHubProtocol protocol;
    private readonly IInvocationBinder binder;
    private readonly Receiver receiver;
    private readonly Func<HubMessage, ValueTask> onMessage;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly TaskCompletionSource handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private Task receiving = Task.CompletedTask;

    private HubSocket(
        ClientWebSocket socket, IHubProtocol protocol, IInvocationBinder binder, Receiver receiver, Func<HubMessage, ValueTask> onMessage)
    {
        this.socket = socket;
        this.protocol = protocol;
        this.binder = binder;
        this.receiver = receiver;
        this.onMessage = onMessage;
    }

    /// <summary>Completes when the connection is gone, with the reason if it was not closed by us.</summary>
    public Task<string?> Closed => closed.Task;

    public static async Task<HubSocket> ConnectAsync(
        Uri url,
        string? cookie,
        IHubProtocol protocol,
        IInvocationBinder binder,
        Receiver receiver,
        Func<HubMessage, ValueTask> onMessage,
        CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        // Small buffers: thousands of these live in one process. SignalR's own pings keep the connection alive.
        socket.Options.SetBuffer(InitialBuffer, InitialBuffer);
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        if (cookie is not null)
        {
            socket.Options.SetRequestHeader("Cookie", cookie);
        }

        var hub = new HubSocket(socket, protocol, binder, receiver, onMessage);
        try
        {
            await socket.ConnectAsync(url, ct);
            var request = new ArrayBufferWriter<byte>();
            HandshakeProtocol.WriteRequestMessage(new HandshakeRequestMessage(protocol.Name, protocol.Version), request);
            await socket.SendAsync(request.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, ct);
            hub.receiving = Task.Run(hub.ReceiveLoopAsync, CancellationToken.None);
            await hub.handshake.Task.WaitAsync(ct);
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    public async ValueTask SendAsync(HubMessage message, CancellationToken ct = default)
    {
        var bytes = protocol.GetMessageBytes(message);
        var type = protocol.TransferFormat == Microsoft.AspNetCore.Connections.TransferFormat.Binary
            ? WebSocketMessageType.Binary
            : WebSocketMessageType.Text;
        await sendLock.WaitAsync(ct);
        try
        {
            await socket.SendAsync(bytes, type, endOfMessage: true, ct);
        }
        finally
        {
            sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Abort();
        try
        {
            await receiving;
        }
        catch (OperationCanceledException)
        {
        }

        socket.Dispose();
        stop.Dispose();
        sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var filled = 0;
        string? reason = null;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    buffer = Resize(buffer, filled, buffer.Length * 2);
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(filled), stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    reason = $"closed by the server: {socket.CloseStatus} {socket.CloseStatusDescription}";
                    break;
                }

                filled += result.Count;
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var receivedAt = Stopwatch.GetTimestamp();
                receiver.OnReceived(buffer.AsSpan(0, filled), receivedAt);
                var consumed = await ParseAsync(new ReadOnlyMemory<byte>(buffer, 0, filled));
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (buffer.Length > 16 * InitialBuffer && filled < InitialBuffer)
                {
                    // A big render batch came through; do not keep its buffer for an idle connection.
                    buffer = Resize(buffer, filled, InitialBuffer);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Whatever ends the connection (the socket, a bad frame, a failed answer) is its close reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reason = e.Message;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            handshake.TrySetException(new InvalidOperationException($"No handshake: {reason ?? "stopped"}"));
            closed.TrySetResult(reason);
        }
    }

    private async ValueTask<int> ParseAsync(ReadOnlyMemory<byte> data)
    {
        var input = new ReadOnlySequence<byte>(data);
        if (!handshake.Task.IsCompleted)
        {
            if (!HandshakeProtocol.TryParseResponseMessage(ref input, out var response))
            {
                return 0;
            }

            if (response.Error is not null)
            {
                throw new InvalidDataException($"Handshake refused: {response.Error}");
            }

            handshake.TrySetResult();
        }

        while (protocol.TryParseMessage(ref input, binder, out var message))
        {
            await onMessage(message!);
        }

        return data.Length - (int)input.Length;
    }

    private static byte[] Resize(byte[] buffer, int filled, int size)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, filled).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
