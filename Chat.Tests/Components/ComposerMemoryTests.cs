using Bunit;
using Chat.App.Components.Messaging;
using Chat.Tests.Support;

namespace Chat.Tests.Components;

/// <summary>Runs alone, so that the heap it measures holds nothing of other tests running at the same time.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

[Collection(nameof(MemoryMeasurement))]
public sealed class ComposerMemoryTests : ChatComponentTests
{
    [Fact]
    public async Task Submit_40000CharacterPastesAgainAndAgain_ExplainsEachTimeKeepsMemoryFlatAndStillSends()
    {
        var ana = await Database.CreateUserAsync("ana");
        var club = await Communities.CreateAsync(ana.Id, "Book club", null, isPublic: true);
        var general = (await Channels.ListAsync(club.Id, ana.Id))[0];
        LogIn(ana);
        var composer = Render<Composer>(ps => ps.Add(c => c.Channel, general));
        var paste = new string('x', 40_000);
        for (var i = 0; i < 5; i++)
        {
            await composer.InvokeAsync(() => composer.Instance.SubmitAsync(paste + i));
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 200; i++)
        {
            await composer.InvokeAsync(() => composer.Instance.SubmitAsync(paste + i));
        }

        var grown = GC.GetTotalMemory(forceFullCollection: true) - before;

        // 200 refused pastes of 80 KB each would hold 16 MB if anything kept them.
        Assert.True(grown < 4 * 1024 * 1024, $"The heap grew by {grown:N0} bytes over 200 refused pastes.");
        Assert.Contains("at most 4,000 characters", composer.Find("[role='alert']").TextContent, StringComparison.Ordinal);
        await composer.InvokeAsync(() => composer.Instance.SubmitAsync("still here"));
        Assert.Equal("still here", Assert.Single(await Messages.GetLatestAsync(club.Id, general.Id, ana.Id)).Content);
    }
}
