using Microsoft.JSInterop;

namespace Chat.App.Components.Messaging;

/// <summary>
/// The composer's part of autocomplete: the page reports the text and caret when a suggestion may be wanted
/// (wwwroot/js/suggestions.js), the list follows (<see cref="ComposerAutocomplete"/>), and a choice is written back into
/// the box. A chosen mention is the same text a typed one is, so it notifies the same way.
/// </summary>
public partial class Composer
{
    private const string SuggestionsId = "composer-suggestions";

    private readonly ComposerAutocomplete suggestions = new();
    // Loaded when a list opens and dropped when it ends, so the next one has a member who joined meanwhile.
    private AutocompleteSources? sources;
    private int? sourcesChannelId;
    private Task<AutocompleteSources>? loadingSources;
    private string lastText = "";
    private int lastCaret;
    private IJSObjectReference? suggestionsModule;

    [Inject]
    private AutocompleteService Autocomplete { get; set; } = default!;

    private string? ActiveSuggestionId =>
        suggestions.IsOpen ? ComposerSuggestions.OptionId(SuggestionsId, suggestions.Active) : null;

    /// <summary>The box's text and caret, sent by the page when they may start, change or end a suggestion.</summary>
    [JSInvokable]
    public async Task OnCaretAsync(string text, int caret)
    {
        (lastText, lastCaret) = (text ?? "", caret);
        if (Channel is not { } channel)
        {
            return;
        }

        var trigger = AutocompleteTrigger.Find(lastText, lastCaret);
        if (trigger is null)
        {
            // A tab that is done suggesting holds no member list.
            sources = null;
        }
        else if (trigger.NeedsSources && (sources is null || sourcesChannelId != channel.Id))
        {
            // Once per opening, not per key (AutocompleteService says why); keys typed meanwhile wait for the same load.
            loadingSources ??= LoadSourcesAsync(channel.Id);
            sources = await loadingSources;
            loadingSources = null;
            sourcesChannelId = channel.Id;
        }

        // What the user typed while the lists loaded counts, not what they had typed before.
        if (suggestions.Update(lastText, lastCaret, sources ?? AutocompleteSources.Empty, userId))
        {
            StateHasChanged();
        }
    }

    private async Task<AutocompleteSources> LoadSourcesAsync(int channelId)
    {
        try
        {
            // The service checks that the user is a member of the channel's server.
            return await Autocomplete.GetSourcesAsync(userId, channelId);
        }
        catch (DomainException)
        {
            // No longer a member, or the channel is gone: nothing to suggest, and a send will say why.
            return AutocompleteSources.Empty;
        }
    }

    [JSInvokable]
    public Task MoveSuggestionAsync(int by)
    {
        suggestions.Move(by);
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>Enter or Tab in an open list: the new text and caret for the page to put in the box, or null.</summary>
    [JSInvokable]
    public SuggestionChoice? ChooseSuggestion(string text, int caret)
    {
        // The list as of this very text, in case the last keys had not reached it yet.
        suggestions.Update(text, caret, sources ?? AutocompleteSources.Empty, userId);
        var chosen = suggestions.Choose(text);
        StateHasChanged();
        return chosen is { } c ? new SuggestionChoice(c.Text, c.Caret) : null;
    }

    /// <summary>Escape closes the list and keeps the text; the same word does not open it again.</summary>
    [JSInvokable]
    public Task DismissSuggestionsAsync()
    {
        suggestions.Dismiss();
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>The box lost focus to something other than the list.</summary>
    [JSInvokable]
    public Task CloseSuggestionsAsync()
    {
        if (suggestions.IsOpen)
        {
            suggestions.Close();
            StateHasChanged();
        }

        return Task.CompletedTask;
    }

    private async Task ChooseSuggestionAsync(int index)
    {
        if (suggestions.Choose(lastText, index) is not { } chosen || suggestionsModule is null)
        {
            return;
        }

        await suggestionsModule.InvokeVoidAsync("applySuggestion", textarea, chosen.Text, chosen.Caret);
    }

    private void ResetSuggestions()
    {
        suggestions.Close();
        sources = null;
        // A load for the channel left behind is not the new channel's.
        loadingSources = null;
    }

    private async Task AttachSuggestionsAsync()
    {
        suggestionsModule ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/suggestions.js");
        await suggestionsModule.InvokeVoidAsync("attachSuggestions", textarea, self);
    }

    private async Task DisposeSuggestionsAsync() => await suggestionsModule.DisposeQuietlyAsync();
}

/// <summary>The box's new text and caret after a choice, as the page's script reads them.</summary>
public sealed record SuggestionChoice(string Text, int Caret);
