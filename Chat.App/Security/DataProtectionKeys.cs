using System.Xml.Linq;
using Chat.Domain.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chat.App.Security;

/// <summary>
/// Where the keys that protect the authentication cookie live: in the database (the default), or in a directory that
/// all instances share (DataProtection:KeysDirectory). Either way every instance, and the app after a restart,
/// reads the same keys, so a cookie issued by one is accepted by another.
/// </summary>
internal static class DataProtectionKeys
{
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DataProtectionKeysOptions>(configuration, DataProtectionKeysOptions.Section);
        // One application name, so that instances in different folders (or versions) share their keys.
        services.AddDataProtection().SetApplicationName("Chat");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<DataProtectionKeysOptions>, IDbContextFactory<ChatDbContext>, ILoggerFactory>((options, settings, dbFactory, loggers) =>
                options.XmlRepository = settings.Value.KeysDirectory is { Length: > 0 } directory
                    ? new FileSystemXmlRepository(new DirectoryInfo(directory), loggers)
                    : new DatabaseRepository(dbFactory));

        return services;
    }

    /// <summary>
    /// The keys as rows of ChatDbContext; what Microsoft.AspNetCore.DataProtection.EntityFrameworkCore does, which
    /// the package registry here lacks. Data Protection calls it rarely (start-up, a new key every 90 days) and
    /// synchronously.
    /// </summary>
    private sealed class DatabaseRepository(IDbContextFactory<ChatDbContext> dbFactory) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var db = dbFactory.CreateDbContext();
            return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var db = dbFactory.CreateDbContext();
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = friendlyName,
                Xml = element.ToString(SaveOptions.DisableFormatting),
            });
            db.SaveChanges();
        }
    }
}
