using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chat.App.Localization;

/// <summary>
/// Localizers for the plain classes that no container builds (NotificationText, MessageAnnouncer): the same
/// resources beside the class, read in the current UI culture at each lookup, as the injected ones are.
/// </summary>
public static class StaticLocalizer
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static IStringLocalizer For(Type type) => Factory.Create(type);
}
