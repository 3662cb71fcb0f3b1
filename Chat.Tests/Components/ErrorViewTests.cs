using Bunit;
using Chat.App.Components.Common;

namespace Chat.Tests.Components;

public sealed class ErrorViewTests : BunitContext
{
    // The component's words come from its resources.
    public ErrorViewTests() => Services.AddLocalization();

    [Theory]
    [InlineData(400, "Bad request")]
    [InlineData(403, "You do not have access")]
    [InlineData(404, "Page not found")]
    [InlineData(500, "Something went wrong")]
    public void Render_EachStatus_HasItsHeadingAndAWayBack(int code, string heading)
    {
        var view = Render<ErrorView>(ps => ps.Add(v => v.Code, code));

        Assert.Equal(heading, view.Find("h1").TextContent);
        Assert.Equal("Back to Chat", view.Find("a").TextContent);
        Assert.Equal("", view.Find("a").GetAttribute("href"));
    }
}
