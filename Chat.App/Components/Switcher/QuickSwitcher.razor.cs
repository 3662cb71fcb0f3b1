using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace Chat.App.Components.Switcher;

/// <summary>The quick switcher: the user's own servers and channels by name, found as they type.</summary>
public sealed partial class QuickSwitcher
{
    private IReadOnlyList<SwitchTarget> results = [];
    private IJSObjectReference? module;
    private IJSObjectReference? listener;
    private DotNetObjectReference<QuickSwitcher>? self;
    private Task searching = Task.CompletedTask;
    private int searchVersion;
    private string query = "";
    private int selected;
    private bool searched;
    private bool open;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            self = DotNetObjectReference.Create(this);
            module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/switcher.js");
            listener = await module.InvokeAsync<IJSObjectReference>("listen", self);
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone.
        }
    }

    /// <summary>Ctrl+K or Cmd+K, from the script.</summary>
    [JSInvokable]
    public async Task OpenAsync()
    {
        if (open)
        {
            return;
        }

        (open, query, selected, searched) = (true, "", 0, false);
        StateHasChanged();
        await SearchAsync();
    }

    private void Close()
    {
        open = false;
        results = [];
    }

    private void QueryChanged() => searching = SearchAsync();

    private async Task SearchAsync()
    {
        var version = ++searchVersion;
        var userId = (await AuthenticationState).UserId();
        IReadOnlyList<SwitchTarget> found;
        try
        {
            found = await Switcher.FindAsync(userId, query);
        }
        catch (DomainException)
        {
            found = [];
        }

        // Typing goes on while a search runs: only the newest answer counts.
        if (version == searchVersion)
        {
            (results, selected, searched) = (found, 0, true);
            StateHasChanged();
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowDown" when results.Count > 0:
                await MoveAsync(1);
                break;
            case "ArrowUp" when results.Count > 0:
                await MoveAsync(-1);
                break;
            case "Enter":
                // Enter right after typing waits for that search, so it opens what the user typed for.
                await searching;
                if (selected < results.Count)
                {
                    Go(results[selected]);
                }

                break;
        }
    }

    private async Task MoveAsync(int step)
    {
        selected = (selected + step + results.Count) % results.Count;
        if (module is not null)
        {
            StateHasChanged();
            await module.InvokeVoidAsync("scrollIntoView", OptionId(selected));
        }
    }

    private void Go(SwitchTarget target)
    {
        Close();
        Navigation.NavigateTo(target.ChannelId is { } channel
            ? $"servers/{target.CommunityId}/channels/{channel}"
            : $"servers/{target.CommunityId}");
    }

    private static string OptionId(int index) => $"switcher-option-{index}";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (listener is not null)
            {
                await listener.InvokeVoidAsync("dispose");
                await listener.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone, and its listener with it.
        }

        self?.Dispose();
    }
}
