using Chat.Tests.Support;

namespace Chat.Tests.Http;

public sealed class SmokeTests
{
    [Fact]
    public async Task BlazorScript_IsServed()
    {
        await using var app = new ChatAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(app.DatabasePath));
    }
}
