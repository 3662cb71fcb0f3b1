using Chat.App.Components;
using Chat.App.Components.Account;
using Chat.Domain.Realtime;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Http;

/// <summary>
/// Each setting of README's Configuration table: its documented default, a good value reaching the part it
/// configures, and a wrong value stopping the start with the key in the message, before the database is touched.
/// (The rate limits' effects have their own tests: WriteRateLimitSettingsTests, LoginRateLimitTests, ...)
/// </summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task Settings_NoneGiven_AreTheDocumentedDefaults()
    {
        await using var app = new ChatAppFactory();

        var services = app.Services;

        Assert.Equal(TimeSpan.FromMinutes(3), services.GetRequiredService<IOptions<CircuitOptions>>().Value.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(TimeSpan.FromMinutes(1), services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
        var presence = services.GetRequiredService<IOptions<PresenceOptions>>().Value;
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3)), (presence.ReportEvery, presence.ForgetAfter));
        Assert.IsNotType<FileSystemXmlRepository>(services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
    }

    [Fact]
    public async Task Settings_GoodValues_ReachThePartsTheyConfigure()
    {
        var keys = Directory.CreateTempSubdirectory("chat-keys-tests-");
        try
        {
            await using var app = new ChatAppFactory();
            app.Settings["Circuit:DisconnectedRetention"] = "00:00:42";
            app.Settings["Auth:RevalidationInterval"] = "00:00:07";
            app.Settings["Presence:ReportEvery"] = "00:00:20";
            app.Settings["Presence:ForgetAfter"] = "00:01:00";
            app.Settings["DataProtection:KeysDirectory"] = keys.FullName;

            var services = app.Services;

            Assert.Equal(TimeSpan.FromSeconds(42), services.GetRequiredService<IOptions<CircuitOptions>>().Value.DisconnectedCircuitRetentionPeriod);
            Assert.Equal(TimeSpan.FromSeconds(7), services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
            Assert.Equal(TimeSpan.FromSeconds(7), services.GetRequiredService<IOptions<RevalidationOptions>>().Value.RevalidationInterval);
            var presence = services.GetRequiredService<IOptions<PresenceOptions>>().Value;
            Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1)), (presence.ReportEvery, presence.ForgetAfter));
            var repository = Assert.IsType<FileSystemXmlRepository>(services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
            Assert.Equal(keys.FullName, repository.Directory.FullName);
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Circuit:DisconnectedRetention", "-00:00:01")]
    [InlineData("Circuit:MaxPerUser", "0")]
    [InlineData("Auth:RevalidationInterval", "00:00:00")]
    [InlineData("Auth:LoginPostsPerMinute", "0")]
    [InlineData("Auth:RegistrationPostsPerHour", "0")]
    [InlineData("Auth:LoginFailuresAllowed", "0")]
    [InlineData("Auth:LoginLockout", "00:00:00")]
    [InlineData("Presence:ReportEvery", "00:00:00")]
    [InlineData("Presence:ForgetAfter", "00:00:30")] // not longer than ReportEvery (one minute by default)
    [InlineData("ForwardedHeaders:KnownProxies", "proxy.example")]
    [InlineData("Metrics:AllowedNetworks", "10.0.0.0/33")]
    public async Task Setting_WrongValue_StopsTheStartNamingItsKeyBeforeTheDatabase(string key, string value)
    {
        await using var app = new ChatAppFactory();
        // The two lists are set as their first entry.
        app.Settings[key is "ForwardedHeaders:KnownProxies" or "Metrics:AllowedNetworks" ? key + ":0" : key] = value;

        var failure = Record.Exception(() => app.Services);

        var invalid = Assert.IsType<OptionsValidationException>(Innermost(failure));
        Assert.Contains(key, invalid.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(app.DatabasePath));
    }

    private static Exception? Innermost(Exception? e)
    {
        while (e is AggregateException or System.Reflection.TargetInvocationException && e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
