using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.Support;

/// <summary>
/// The real app, on its own SQLite file in a temporary folder. <see cref="StartKestrel"/> serves it on a real
/// loopback socket for the browser tests; otherwise it runs in memory for HTTP tests.
/// </summary>
public class ChatAppFactory : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("chat-app-tests-").FullName;

    /// <summary>The hosting environment, Development unless a test needs Production's behaviour.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Configuration on top of appsettings.json, for example a shorter revalidation interval.</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        // Every test client of one app shares one address; tests of these limits set their own.
        ["Auth:LoginPostsPerMinute"] = "1000",
        ["Auth:RegistrationPostsPerHour"] = "100000",
    };

    /// <summary>Service replacements on top of the app's own, for example a looser send rate limit.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    public string DatabasePath => Path.Combine(dataDirectory, "chat.db");

    /// <summary>Starts Kestrel on 127.0.0.1 and a free port; returns the base address.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open only leaves a temporary folder behind.
        }

        GC.SuppressFinalize(this);
    }
}
