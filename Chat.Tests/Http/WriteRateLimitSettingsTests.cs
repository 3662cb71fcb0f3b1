using Chat.Domain.RateLimiting;
using Chat.Tests.Support;
using Microsoft.Extensions.Options;

namespace Chat.Tests.Http;

/// <summary>The RateLimits section of the app's configuration sets the write limits, and a wrong value stops the start.</summary>
public sealed class WriteRateLimitSettingsTests
{
    [Fact]
    public async Task RateLimitsSection_SetsTheLimitAndKeepsTheOtherDefaults()
    {
        await using var app = new ChatAppFactory();
        app.Settings["RateLimits:Edit:Burst"] = "3";
        app.Settings["RateLimits:Edit:Refill"] = "00:00:07";

        var options = app.Services.GetRequiredService<IOptions<WriteRateLimitOptions>>().Value;
        var limiter = app.Services.GetRequiredService<WriteRateLimiter>();

        Assert.Equal((3, TimeSpan.FromSeconds(7)), (options.Edit.Burst, options.Edit.Refill));
        Assert.Equal(new WriteRateLimitOptions().Send.Burst, options.Send.Burst);
        for (var i = 0; i < 3; i++)
        {
            limiter.Acquire(WriteAction.EditMessage, "ana");
        }

        Assert.Throws<RateLimitedException>(() => limiter.Acquire(WriteAction.EditMessage, "ana"));
    }

    [Theory]
    [InlineData("RateLimits:Edit:Burst", "0")]
    [InlineData("RateLimits:Invites:Refill", "00:00:00")]
    public async Task RateLimitsSection_OutOfRange_StopsTheAppAtStart(string key, string value)
    {
        await using var app = new ChatAppFactory();
        app.Settings[key] = value;

        var failure = Record.Exception(() => app.Services);

        var invalid = Assert.IsType<OptionsValidationException>(Innermost(failure));
        Assert.Contains(key[..key.LastIndexOf(':')], invalid.Message, StringComparison.Ordinal);
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
