using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat.Domain.Attachments;

/// <summary>Runs <see cref="AttachmentService.SweepPendingAsync"/> now and then, on every instance (deleting twice is harmless).</summary>
internal sealed partial class PendingUploadSweeper(
    AttachmentService attachments, TimeProvider clock, IOptions<AttachmentOptions> options, ILogger<PendingUploadSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A quarter of the lifetime, so an abandoned upload is gone at most 1.25 lifetimes after it came.
        var period = TimeSpan.FromTicks(Math.Max(options.Value.PendingLifetime.Ticks / 4, TimeSpan.FromSeconds(15).Ticks));
        using var timer = new PeriodicTimer(period, clock);
        do
        {
            try
            {
                await attachments.SweepPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a while; the next round tries again.
                LogSweepFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping abandoned uploads failed")]
    private partial void LogSweepFailed(Exception e);
}
