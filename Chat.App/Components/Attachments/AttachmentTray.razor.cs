using Chat.App.Localization;
using Chat.Domain;
using Chat.Domain.Attachments;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Chat.App.Components.Attachments;

public sealed partial class AttachmentTray
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(150);

    private readonly List<Upload> uploads = [];
    private InputFile? input;
    private IJSObjectReference? module;
    private string? userId;
    private int? channelOfUploads;
    private string? notice;
    private bool attached;
    private bool disposed;

    [Inject]
    private AttachmentService Attachments { get; set; } = default!;

    [Inject]
    private IOptions<AttachmentOptions> Options { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IStringLocalizer<AttachmentTray> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Where the files will be sent; null disables the button.</summary>
    [Parameter]
    public int? ChannelId { get; set; }

    /// <summary>Whether anything is chosen (a message of files alone may be sent).</summary>
    public bool HasFiles => uploads.Any(u => u.File is not null);

    /// <summary>Some file is still on its way: the message waits for it.</summary>
    public bool IsUploading => uploads.Any(u => u.File is null && u.Error is null);

    public string StillUploading => L["StillUploading"];

    /// <summary>The uploaded files, in the order chosen, for the message to claim.</summary>
    public IReadOnlyList<long> ReadyIds => uploads.Where(u => u.File is not null).Select(u => u.File!.Id).ToList();

    /// <summary>After the message was sent: its files are its own now, nothing to discard.</summary>
    public void Clear()
    {
        uploads.Clear();
        notice = null;
        StateHasChanged();
    }

    protected override async Task OnParametersSetAsync()
    {
        userId ??= (await AuthenticationState).UserId();
        if (ChannelId != channelOfUploads)
        {
            // Files chosen for one channel are not sent to another: take them back.
            var left = uploads.ToList();
            uploads.Clear();
            notice = null;
            channelOfUploads = ChannelId;
            foreach (var upload in left)
            {
                await ForgetAsync(upload);
            }
        }
    }

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        if (attached || !RendererInfo.IsInteractive || input?.Element is not { } element)
        {
            return Task.CompletedTask;
        }

        attached = true;
        return ScriptModules.RunUnlessDisposedAsync(
            async () =>
            {
                module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/attachments.js");
                await module.InvokeVoidAsync("attachTray", element);
            },
            () => disposed,
            async () => await module.DisposeQuietlyAsync());
    }

    private async Task OnChosenAsync(InputFileChangeEventArgs e)
    {
        if (ChannelId is not { } channelId)
        {
            return;
        }

        var limits = Options.Value;
        var room = Math.Max(0, limits.MaxFilesPerMessage - uploads.Count(u => u.Error is null));
        var chosen = e.GetMultipleFiles(e.FileCount);
        notice = chosen.Count > room ? L["TooMany", limits.MaxFilesPerMessage, chosen.Count - room].Value : null;
        var started = chosen.Take(room).Select(file => new Upload(file.Name, file.Size)).ToList();
        uploads.AddRange(started);
        StateHasChanged();
        // One after the other: each is read through the live connection, which one file at a time keeps responsive.
        for (var i = 0; i < started.Count; i++)
        {
            await UploadAsync(started[i], chosen[i], channelId, limits.MaxBytesPerFile);
        }
    }

    private async Task UploadAsync(Upload upload, IBrowserFile file, int channelId, int maxBytes)
    {
        if (upload.Cancel.IsCancellationRequested)
        {
            return;
        }

        try
        {
            if (file.Size > maxBytes)
            {
                throw DomainErrors.AttachmentTooBig(maxBytes / (1024 * 1024));
            }

            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(maxBytes, upload.Cancel.Token))
            {
                var chunk = new byte[64 * 1024];
                var shown = DateTime.UtcNow;
                int read;
                while ((read = await stream.ReadAsync(chunk, upload.Cancel.Token)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    upload.Received = buffer.Length;
                    if (DateTime.UtcNow - shown > ProgressEvery)
                    {
                        shown = DateTime.UtcNow;
                        StateHasChanged();
                    }
                }
            }

            buffer.Position = 0;
            upload.File = await Attachments.UploadAsync(userId, channelId, file.Name, file.ContentType, buffer, upload.Cancel.Token);
            if (upload.Cancel.IsCancellationRequested)
            {
                // Removed while the server stored it.
                await ForgetAsync(upload);
            }
        }
        catch (OperationCanceledException)
        {
            // Removed by the user: nothing to say.
        }
        catch (DomainException error)
        {
            upload.Error = error.Describe();
        }
#pragma warning disable CA1031 // A broken connection or database fails this file only; the others and the message go on.
        catch (Exception)
#pragma warning restore CA1031
        {
            upload.Error = L["Failed", upload.Name];
        }

        StateHasChanged();
    }

    private async Task RemoveAsync(Upload upload)
    {
        uploads.Remove(upload);
        notice = null;
        await ForgetAsync(upload);
    }

    /// <summary>Stops an upload and takes back what was stored of it; a failure leaves it to the sweep.</summary>
    private async Task ForgetAsync(Upload upload)
    {
        await upload.Cancel.CancelAsync();
        if (upload.File is { } stored)
        {
            upload.File = null;
            try
            {
                await Attachments.DiscardAsync(userId, stored.Id);
            }
#pragma warning disable CA1031 // An upload that stays pending is deleted by the sweep (PendingUploadSweeper).
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        foreach (var upload in uploads)
        {
            await upload.Cancel.CancelAsync();
            upload.Cancel.Dispose();
        }

        if (module is not null)
        {
            try
            {
                if (input?.Element is { } element)
                {
                    await module.InvokeVoidAsync("detachTray", element);
                }

                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone, and its listeners with it.
            }
        }
    }

    private sealed class Upload(string name, long size)
    {
        public string Name { get; } = name;

        public long Size { get; } = Math.Max(1, size);

        public long Received { get; set; }

        public AttachmentView? File { get; set; }

        public string? Error { get; set; }

        public CancellationTokenSource Cancel { get; } = new();
    }
}
