using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Domain.Realtime.Relay;

/// <summary>
/// Every <see cref="PresenceOptions.ReportEvery"/>: tells the other instances who is connected here, which also
/// tells them this instance is alive, and forgets the instances that went silent, such as one that crashed
/// without saying goodbye. Not while this instance's own relay is cut off: then the silence is its own.
/// </summary>
public sealed partial class PresenceHeartbeat(
    PresenceTracker presence, OutboxListener relay, IOptions<PresenceOptions> settings, TimeProvider clock, ILogger<PresenceHeartbeat> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.ReportEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!relay.IsListening)
            {
                continue;
            }

            try
            {
                await presence.ReportAsync();
                await presence.ForgetSilentInstancesAsync();
            }
#pragma warning disable CA1031 // Presence can wait for the next beat; the loop must go on.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                LogBeatFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update presence across instances")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}
