using Bunit;
using Chat.App.Components.Common;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

public sealed class AvatarTests : ChatComponentTests
{
    [Fact]
    public void Render_WithoutPicture_ShowsInitialsOnTheUsersColour()
    {
        var avatar = Render<Avatar>(ps => ps
            .Add(a => a.DisplayName, "ada  lovelace byron")
            .Add(a => a.UserId, "user-1"));

        var initials = avatar.Find("span.avatar");
        Assert.Equal("AL", initials.TextContent);
        Assert.Matches("^avatar tone-[0-7]$", initials.ClassName);
        Assert.Empty(avatar.FindAll("img"));
    }

    [Fact]
    public void Render_SameUser_AlwaysGetsTheSameColour()
    {
        string Tone(string name) => Render<Avatar>(ps => ps.Add(a => a.DisplayName, name).Add(a => a.UserId, "user-1"))
            .Find("span.avatar").ClassName!;

        Assert.Equal(Tone("Ada"), Tone("Someone Else"));
    }

    [Fact]
    public void Render_WithPicture_ShowsTheImageOfThatVersion()
    {
        var avatar = Render<Avatar>(ps => ps
            .Add(a => a.DisplayName, "Ada")
            .Add(a => a.UserId, "user-1")
            .Add(a => a.AvatarVersion, 3));

        var image = avatar.Find("img.avatar");
        Assert.Equal("avatars/user-1/3", image.GetAttribute("src"));
        Assert.Equal("", image.GetAttribute("alt"));
        Assert.Empty(avatar.FindAll("span.avatar"));
    }

    [Fact]
    public void Render_PictureRemoved_ShowsInitialsAgain()
    {
        var avatar = Render<Avatar>(ps => ps
            .Add(a => a.DisplayName, "Ada")
            .Add(a => a.UserId, "user-1")
            .Add(a => a.AvatarVersion, 3));

        avatar.Render(ps => ps.Add(a => a.AvatarVersion, 0));

        Assert.Equal("A", avatar.Find("span.avatar").TextContent);
    }
}
