using Bunit;
using Chat.App.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Chat.Tests.Components;

public sealed class ChatErrorBoundaryTests : BunitContext
{
    // The component's words come from its resources.
    public ChatErrorBoundaryTests() => Services.AddLocalization();

    [Fact]
    public void Render_ChildThrows_ShowsFriendlyErrorWithReload()
    {
        var boundary = Render<ChatErrorBoundary>(ps => ps.AddChildContent<Thrower>());

        var alert = boundary.Find("[role='alert']");
        Assert.Contains("Something went wrong", alert.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Boom", boundary.Markup, StringComparison.Ordinal);
        Assert.Equal("Reload", alert.QuerySelector("button")!.TextContent);
    }

    [Fact]
    public void Reload_Click_ReloadsThePage()
    {
        var boundary = Render<ChatErrorBoundary>(ps => ps.AddChildContent<Thrower>());

        boundary.Find("[role='alert'] button").Click();

        Assert.Contains(Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().History,
            entry => entry.Options.ForceLoad);
    }

    [Fact]
    public void Render_ChildFine_ShowsChild()
    {
        var boundary = Render<ChatErrorBoundary>(ps => ps.AddChildContent("<p>hello</p>"));

        Assert.Equal("hello", boundary.Find("p").TextContent);
        Assert.Empty(boundary.FindAll("[role='alert']"));
    }

    private sealed class Thrower : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("Boom");
    }
}
