using System.Globalization;
using System.Text;

namespace Chat.Domain.Text;

/// <summary>
/// Names as search compares them: lower case and without accents, so "cancion" and "CANCIÓN" both find "Canción".
/// Computed here rather than in SQL because the databases disagree: SQLite's lower() folds only ASCII, and each
/// server has its own accent rules. Names keep a folded copy in a column (<c>SearchName</c>) that queries compare
/// with the folded search term.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Decomposed, "ó" is "o" followed by a combining accent, which is dropped.
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
