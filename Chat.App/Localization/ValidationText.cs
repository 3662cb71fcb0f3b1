using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace Chat.App.Localization;

/// <summary>
/// The validation messages of the forms' input models (ValidationText.resx, ValidationText.es.resx), for
/// DataAnnotations' <c>ErrorMessageResourceType</c>: the attribute reads the property each time it fails, in the
/// culture of the request or circuit, so the same model speaks Spanish on the static account pages and in the live
/// dialogs alike. The placeholders are the attribute's own: {0} the field, {1} the maximum, {2} the minimum.
/// </summary>
public static class ValidationText
{
    private static readonly ResourceManager Resources = new(typeof(ValidationText));

    public static string ServerNameRequired => Get();

    public static string ServerNameLength => Get();

    public static string DescriptionLength => Get();

    public static string DisplayNameRequired => Get();

    public static string DisplayNameLength => Get();

    public static string DisplayNameMaxLength => Get();

    public static string BioLength => Get();

    public static string UserNameRequired => Get();

    public static string UserNamePattern => Get();

    public static string EmailRequired => Get();

    public static string EmailInvalid => Get();

    public static string EmailLength => Get();

    public static string PasswordRequired => Get();

    public static string PasswordLength => Get();

    public static string PasswordsDiffer => Get();

    public static string NewEmailRequired => Get();

    public static string CurrentPasswordRequired => Get();

    public static string NewPasswordRequired => Get();

    public static string LoginNameRequired => Get();

    public static string LoginPasswordRequired => Get();

    private static string Get([CallerMemberName] string key = "") =>
        Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException(key);
}
