using Chat.Tests.Browser;
using Chat.Tests.Support;
using Microsoft.Playwright;

namespace Chat.Tests.Faults;

/// <summary>
/// A user who keeps attaching a large file in another tab until told to stop, taking each back once it is stored,
/// so that one is nearly always on its way through the live connection or being stored when the app is killed.
/// </summary>
internal sealed class Uploader(IPage page)
{
    /// <summary>Large enough to take a while through the circuit, under the 8 MB limit.</summary>
    private static readonly byte[] Payload = MakePayload(6 * 1024 * 1024);

    public IPage Page { get; } = page;

    /// <summary>How many uploads were started (the one in flight at the kill included).</summary>
    public int Started { get; private set; }

    public int Stored { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        var files = Page.GetByRole(AriaRole.List, new() { Name = "Files to send" });
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            var name = $"in-flight-{i:D3}.bin";
            try
            {
                Started++;
                await Page.GetByLabel("Attach files").SetInputFilesAsync(
                    new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = Payload });
                var item = files.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name });
                while (!await item.Locator(".upload-size").IsVisibleAsync())
                {
                    if (stop.IsCancellationRequested)
                    {
                        // Killed while this one was on its way.
                        return;
                    }

                    await Task.Delay(50, CancellationToken.None);
                }

                Stored++;
                await item.GetByRole(AriaRole.Button).ClickAsync();
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // The app died under the page: what the upload left behind is what the test checks.
                return;
            }
        }
    }

    /// <summary>Returns once an upload shows its progress, i.e. its bytes are on their way to the app.</summary>
    public async Task WaitUntilInFlightAsync()
    {
        var progress = Page.GetByRole(AriaRole.List, new() { Name = "Files to send" }).Locator("progress");
        await Wait.UntilAsync(async () => await progress.CountAsync() > 0, "an upload on its way");
    }

    private static byte[] MakePayload(int length)
    {
        var bytes = new byte[length];
        new Random(9).NextBytes(bytes);
        // Not starting like any picture, so it is kept as a file and not decoded.
        bytes[0] = (byte)'x';
        return bytes;
    }
}
