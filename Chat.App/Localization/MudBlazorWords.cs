using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Chat.App.Localization;

/// <summary>
/// The few words MudBlazor writes itself (the close button of a snackbar, a dialog, an alert), from
/// MudBlazorWords.resx and .es.resx. A key not there is "not found", and MudBlazor then uses its own English.
/// </summary>
internal sealed class MudBlazorWords(IStringLocalizer<MudBlazorWords> words) : MudLocalizer
{
    public override LocalizedString this[string key] => words[key];
}
