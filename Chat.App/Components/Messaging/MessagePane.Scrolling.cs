using Microsoft.JSInterop;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The pane's part of the log's script (chat.js): attaching it once the history is drawn, scrolling to a highlighted
/// message or the unread divider, loading older pages as the reader scrolls up, and letting the oldest go while the
/// reader is at the newest.
/// </summary>
public sealed partial class MessagePane
{
    private bool atBottom = true;
    private ElementReference log;
    private IJSObjectReference? module;
    private DotNetObjectReference<MessagePane>? self;
    private bool logAttached;
    private bool disposed;
    private long? scrolledToHighlight;

    protected override Task OnAfterRenderAsync(bool firstRender) => RendererInfo.IsInteractive
        ? ScriptModules.RunUnlessDisposedAsync(AttachLogAsync, () => disposed, ReleaseScriptsAsync)
        : Task.CompletedTask;

    private async Task AttachLogAsync()
    {
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/chat.js");
        if (await TimeZone.InitializeAsync(module))
        {
            StateHasChanged();
        }

        if (Channel is not null && loaded && !logAttached)
        {
            logAttached = true;
            self ??= DotNetObjectReference.Create(this);
            await module.InvokeVoidAsync("attachLog", log, self);
            scrolledToHighlight = null;
            await ScrollToHighlightAsync(module);
        }
        else if (logAttached)
        {
            // Keeping the newest message in view after a render is the script's own work (chat.js, attachLog).
            // A mention opened from the inbox while its channel is already open changes only the highlight.
            await ScrollToHighlightAsync(module);
        }
    }

    // At the end (DisposeAsync), and for what the script work brought in after it
    // (ScriptModules.RunUnlessDisposedAsync).
    private async Task ReleaseScriptsAsync()
    {
        self?.Dispose();
        await module.DisposeQuietlyAsync();
    }

    private async Task ScrollToHighlightAsync(IJSObjectReference chatModule)
    {
        if (HighlightMessageId is { } highlight && highlight != scrolledToHighlight)
        {
            scrolledToHighlight = highlight;
            await chatModule.InvokeVoidAsync("scrollToElement", $"message-{highlight}");
        }
    }

    [JSInvokable]
    public async Task LoadOlderAsync()
    {
        if (Channel is not { } channel || !hasOlder || loadingOlder || window.Messages.Count == 0)
        {
            return;
        }

        loadingOlder = true;
        StateHasChanged();
        try
        {
            var older = await Messages.GetOlderAsync(channel.CommunityId, channel.Id, userId, window.Messages[0].Id);
            hasOlder = older.Count == MessageService.PageSize;
            window.Merge(older);
        }
        finally
        {
            loadingOlder = false;
            StateHasChanged();
        }
    }

    [JSInvokable]
    public void OnDividerVisibilityChanged(bool visible)
    {
        var show = dividerAfterId is not null && !visible;
        if (show != showJumpBar)
        {
            showJumpBar = show;
            StateHasChanged();
        }
    }

    // True when some went; the older ones can be loaded again.
    private bool TrimOldest()
    {
        if (!window.TrimOldest(atBottom))
        {
            return false;
        }

        hasOlder = true;
        return true;
    }

    [JSInvokable]
    public void OnAtBottomChanged(bool bottom)
    {
        atBottom = bottom;
        if (TrimOldest())
        {
            StateHasChanged();
        }
    }

    private async Task JumpToFirstUnreadAsync()
    {
        // Older pages load until the divider is in the list, then the view scrolls to it.
        while (hasOlder && dividerAfterId is { } after && window.Messages.Count > 0 && window.Messages[0].Id > after)
        {
            await LoadOlderAsync();
        }

        showJumpBar = false;
        StateHasChanged();
        if (module is not null)
        {
            await module.InvokeVoidAsync("scrollToElement", "unread-divider");
        }
    }
}
