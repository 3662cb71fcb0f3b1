using System.Net;
using Chat.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Http;

/// <summary>Behind a load balancer the next request may go to another instance: it must know the user's cookie.</summary>
public sealed class SharedKeysTests
{
    [Fact]
    public async Task AuthCookie_IssuedByOneInstance_IsAcceptedByAnotherOnTheSameDatabase()
    {
        await using var first = new ChatAppFactory();
        using var firstClient = first.CreateBrowserClient();
        using var registered = await firstClient.RegisterAsync(TestAccount.New());
        var cookie = Assert.Single(registered.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chat.auth=", StringComparison.Ordinal));
        await using var second = new ChatAppFactory();
        second.Settings["ConnectionStrings:Sqlite"] = $"Data Source={first.DatabasePath}";
        using var secondClient = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        withCookie.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var home = await secondClient.SendAsync(withCookie);
        using var anonymous = await secondClient.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        // One key, in the database both read: the second instance used the first one's instead of making its own.
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Chat.Domain.Data.ChatDbContext>();
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }
}
