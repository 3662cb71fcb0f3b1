using Chat.App.Localization;
using Chat.Domain;
using Chat.Domain.Communities;
using Chat.Domain.Messages.Search;
using Microsoft.AspNetCore.Components.Web;

namespace Chat.App.Components.Search;

public sealed partial class MessageSearch
{
    private readonly List<MessageSearchHit> hits = [];
    private ElementReference toggle;
    private ElementReference input;
    private string query = "";
    private string shownQuery = "";
    private string? error;
    private long? nextBeforeId;
    private bool boxOpen;
    private bool panelOpen;
    private bool loading;
    private int? searchedCommunityId;

    [Inject]
    private MessageSearchService Search { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter, EditorRequired]
    public CommunityDetail Community { get; set; } = default!;

    private string Status => loading
        ? L["Searching"]
        : hits.Count == 0 ? L["NoResults"] : L[nextBeforeId is null ? "Shown" : "ShownMore", hits.Count];

    protected override void OnParametersSet()
    {
        // Another server: its results would be another server's, so start again.
        if (searchedCommunityId is { } searched && searched != Community.Id)
        {
            panelOpen = false;
            hits.Clear();
            nextBeforeId = null;
            error = null;
        }
    }

    private async Task OpenBoxAsync()
    {
        boxOpen = true;
        StateHasChanged();
        await Task.Yield();
        await input.FocusAsync();
    }

    private async Task SearchAsync()
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return;
        }

        hits.Clear();
        nextBeforeId = null;
        shownQuery = query.Trim();
        searchedCommunityId = Community.Id;
        if (await LoadAsync(null))
        {
            panelOpen = true;
        }
    }

    private async Task MoreAsync() => await LoadAsync(nextBeforeId);

    /// <summary>Runs one search; a refusal (a bad filter) shows under the box and keeps what was typed.</summary>
    private async Task<bool> LoadAsync(long? beforeId)
    {
        loading = true;
        error = null;
        try
        {
            var userId = (await AuthenticationState).UserId();
            var page = await Search.SearchAsync(userId, Community.Id, shownQuery, beforeId);
            hits.AddRange(page.Hits);
            nextBeforeId = page.NextBeforeId;
            return true;
        }
        catch (DomainException e)
        {
            error = e.Describe();
            panelOpen = false;
            return false;
        }
        finally
        {
            loading = false;
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key != "Escape")
        {
            return;
        }

        if (panelOpen)
        {
            await CloseAsync();
        }
        else if (boxOpen)
        {
            // At phone width the box hides again; the icon that opened it takes the focus.
            boxOpen = false;
            error = null;
            await toggle.FocusAsync();
        }
    }

    private async Task CloseAsync()
    {
        panelOpen = false;
        await input.FocusAsync();
    }

    /// <summary>The link navigates by itself; the panel steps aside so the highlighted message shows.</summary>
    private void Choose()
    {
        panelOpen = false;
        boxOpen = false;
    }
}
