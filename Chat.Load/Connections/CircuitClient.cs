using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chat.Load.Measuring;
using Chat.Load.Setup;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Chat.Load.Connections;

/// <summary>
/// A real Blazor circuit on a page, opened without a browser, the way blazor.web.js does it: the prerendered page's
/// component markers and state, negotiate, the WebSocket with blazorpack, StartCircuit, UpdateRootComponents. It
/// acknowledges every render batch at once (the server holds back further batches for an unacknowledged one),
/// answers the page's JavaScript calls as a browser would, and sends messages through the composer's own
/// [JSInvokable] SubmitAsync, as chat.js does on Enter.
/// </summary>
internal sealed partial class CircuitClient : IAsyncDisposable
{
    private const string StartCircuitId = "0";

    // JSCallResultType.JSObjectReference: the call (e.g. "import") wants a handle on a JavaScript object.
    private const int JSObjectReferenceResult = 1;

    private readonly TaskCompletionSource<string?> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource composerAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> calls = new(StringComparer.Ordinal);
    private HubSocket? socket;
    private long composerObjectId;
    private long nextCallId;
    private long nextJsObjectId;
    private int sending;

    private CircuitClient(Receiver receiver) => Receiver = receiver;

    public Receiver Receiver { get; }

    /// <summary>Why the circuit ended (a JS.Error from the server, a closed connection), or null while it is alive.</summary>
    public string? Failure { get; private set; }

    /// <summary>True while a message of this client waits for the server's answer.</summary>
    public bool IsSending => Volatile.Read(ref sending) != 0;

    private HubSocket Socket => socket ?? throw new InvalidOperationException("Not connected.");

    /// <summary>Opens a circuit on <paramref name="page"/> and returns once the page's composer is live.</summary>
    public static async Task<CircuitClient> OpenAsync(
        HttpClient http, Uri page, AuthCookie cookie, Receiver receiver, CancellationToken ct)
    {
        var client = new CircuitClient(receiver);
        try
        {
            await client.StartAsync(http, page, cookie, ct);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends <paramref name="text"/> through the composer; true once the server says SubmitAsync completed, which
    /// is after the message was stored and published.
    /// </summary>
    public async Task<bool> SubmitAsync(string text, CancellationToken ct)
    {
        var callId = Interlocked.Increment(ref nextCallId).ToString(CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        calls[callId] = answer;
        Volatile.Write(ref sending, 1);
        try
        {
            if (Failure is not null)
            {
                return false;
            }

            var arguments = JsonSerializer.Serialize(new[] { text });
            await Socket.SendAsync(
                new InvocationMessage("BeginInvokeDotNetFromJS", [callId, null, "SubmitAsync", composerObjectId, arguments]), ct);
            return await answer.Task.WaitAsync(ct);
        }
        finally
        {
            calls.TryRemove(callId, out _);
            Volatile.Write(ref sending, 0);
        }
    }

    public ValueTask PingAsync(CancellationToken ct) =>
        Failure is null ? Socket.SendAsync(PingMessage.Instance, ct) : ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (socket is not null)
        {
            await socket.DisposeAsync();
        }

        Fail("closed by the load tool");
    }

    private async Task StartAsync(HttpClient http, Uri page, AuthCookie cookie, CancellationToken ct)
    {
        // 1. The prerendered page: where the interactive root components go, and their persisted state.
        string html;
        using (var request = new HttpRequestMessage(HttpMethod.Get, page))
        {
            request.Headers.Add("Cookie", cookie.Header);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {page} answered {(int)response.StatusCode} {response.Headers.Location}");
            }

            html = await response.Content.ReadAsStringAsync(ct);
        }

        var markers = StartMarkers(html);
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"GET {page} has no interactive component markers.");
        }

        var state = StateComment().Match(html) is { Success: true } match ? match.Groups[1].Value : "";

        // 2. SignalR's negotiate, then the WebSocket.
        string token;
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(page, "/_blazor/negotiate?negotiateVersion=1")))
        {
            request.Headers.Add("Cookie", cookie.Header);
            using var response = await http.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            using var negotiation = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            token = negotiation.RootElement.GetProperty("connectionToken").GetString()!;
        }

        var socketUrl = new UriBuilder(page) { Scheme = "ws", Path = "/_blazor", Query = $"id={Uri.EscapeDataString(token)}" }.Uri;
        socket = await HubSocket.ConnectAsync(
            socketUrl, cookie.Header, BlazorPack.Protocol, BlazorPack.Binder, Receiver, OnMessageAsync, ct);
        _ = socket.Closed.ContinueWith(t => Fail(t.Result ?? "connection closed"), TaskScheduler.Default);

        // 3. The circuit, then the page's root components, with the state as blazor.web.js sends it (to both).
        var baseUri = new Uri(page, "/").ToString();
        await socket.SendAsync(new InvocationMessage(StartCircuitId, "StartCircuit", [baseUri, page.ToString(), "[]", state], null), ct);
        if (await started.Task.WaitAsync(ct) is null)
        {
            throw new InvalidOperationException($"StartCircuit was refused: {Failure}");
        }

        await socket.SendAsync(new InvocationMessage("UpdateRootComponents", [AddOperations(markers), state]), ct);
        await composerAttached.Task.WaitAsync(ct);
    }

    private async ValueTask OnMessageAsync(HubMessage message)
    {
        switch (message)
        {
            case InvocationMessage { Target: "JS.RenderBatch" } batch:
                await Socket.SendAsync(new InvocationMessage("OnRenderCompleted", [(long)batch.Arguments[0]!, null]));
                break;
            case InvocationMessage { Target: "JS.BeginInvokeJS" } call:
                await AnswerJavaScriptAsync(
                    (long)call.Arguments[0]!, (string)call.Arguments[1]!, (string)call.Arguments[2]!, (int)call.Arguments[3]!);
                break;
            case InvocationMessage { Target: "JS.EndInvokeDotNet" } end:
                if (calls.TryGetValue((string)end.Arguments[0]!, out var answer))
                {
                    answer.TrySetResult((bool)end.Arguments[1]!);
                }

                break;
            case InvocationMessage { Target: "JS.Error" } error:
                Fail($"the server ended the circuit: {error.Arguments[0]}");
                break;
            case CompletionMessage { InvocationId: StartCircuitId } completion:
                if (completion.Error is not null)
                {
                    Fail(completion.Error);
                }

                started.TrySetResult(completion.Result as string);
                break;
            case InvocationBindingFailureMessage failure:
                Fail($"unexpected call {failure.Target}: {failure.BindingFailure.SourceException.Message}");
                break;
            case CloseMessage close:
                Fail($"closed by the server: {close.Error}");
                break;
            default:
                // Pings, and calls that need no answer (EndUpdateRootComponents, AttachComponent, ...).
                break;
        }
    }

    /// <summary>Answers a JavaScript call the way the page's scripts would, as far as the app looks at the answer.</summary>
    private async ValueTask AnswerJavaScriptAsync(long taskId, string identifier, string argumentsJson, int resultType)
    {
        if (identifier == "attachComposer" && !composerAttached.Task.IsCompleted
            && DotNetObject().Match(argumentsJson) is { Success: true } reference)
        {
            composerObjectId = long.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture);
            composerAttached.TrySetResult();
        }

        if (taskId == 0)
        {
            return;
        }

        var result = resultType == JSObjectReferenceResult
            ? $$"""{"__jsObjectId":{{Interlocked.Increment(ref nextJsObjectId)}}}"""
            : identifier switch
            {
                "timeZone" => "\"UTC\"",
                "notificationPermission" => "\"default\"",
                "notifyIfHidden" or "copyText" => "false",
                _ => "null",
            };
        await Socket.SendAsync(new InvocationMessage(
            "EndInvokeJSFromDotNet",
            [taskId, true, string.Create(CultureInfo.InvariantCulture, $"[{taskId},true,{result}]")]));
    }

    private void Fail(string reason)
    {
        if (Failure is null)
        {
            Failure = reason;
        }

        started.TrySetResult(null);
        composerAttached.TrySetException(new InvalidOperationException($"The circuit ended before its composer was live: {reason}"));
        foreach (var call in calls.Values)
        {
            call.TrySetResult(false);
        }
    }

    /// <summary>The start markers (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>); end markers carry only an id.</summary>
    private static List<string> StartMarkers(string html) =>
        [.. Marker().Matches(html).Select(m => m.Groups[1].Value).Where(json => json.Contains("\"type\":", StringComparison.Ordinal))];

    /// <summary>The operation batch blazor.web.js sends: add each marker's component, numbered from 1.</summary>
    private static string AddOperations(List<string> markers)
    {
        var json = new StringBuilder("""{"batchId":1,"operations":[""");
        for (var i = 0; i < markers.Count; i++)
        {
            json.Append(i == 0 ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $$"""{"type":"add","ssrComponentId":{{i + 1}},"marker":{{markers[i]}}}""");
        }

        return json.Append("]}").ToString();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StateComment();

    [GeneratedRegex("\"__dotNetObject\":(\\d+)")]
    private static partial Regex DotNetObject();
}
