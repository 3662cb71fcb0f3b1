using System.Globalization;

namespace Chat.Domain.Text;

/// <summary>
/// How names are sorted where they are shown in order: á and é beside a and e, ñ after n, case aside. Spanish
/// collation gives that, and English readers see the same order (it differs from theirs only for ñ). One order for
/// everyone, because a member list is built once and shown to readers of both languages.
/// </summary>
public static class NameOrder
{
    public static StringComparer Comparer { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("es"), ignoreCase: true);
}
