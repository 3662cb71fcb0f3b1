using System.ComponentModel.DataAnnotations;

namespace Chat.Domain.Attachments;

/// <summary>
/// How many files a message may carry, how large they may be, and how much one user may upload a day (the
/// <c>Attachments</c> section). Daily amounts are counted from the stored rows of the last 24 hours, so every
/// instance agrees without sharing memory.
/// </summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    [Range(1, 100, ErrorMessage = "Attachments:MaxFilesPerMessage must be between {1} and {2}.")]
    public int MaxFilesPerMessage { get; set; } = 10;

    /// <summary>
    /// Each file is one row: MariaDB's default max_allowed_packet (16 MB) bounds what one statement may carry, hence
    /// the upper bound here.
    /// </summary>
    [Range(1024, 12 * 1024 * 1024, ErrorMessage = "Attachments:MaxBytesPerFile must be between {1} and {2}.")]
    public int MaxBytesPerFile { get; set; } = 8 * 1024 * 1024;

    [Range(1, 100_000, ErrorMessage = "Attachments:MaxFilesPerDay must be between {1} and {2}.")]
    public int MaxFilesPerDay { get; set; } = 200;

    [Range(1024, long.MaxValue, ErrorMessage = "Attachments:MaxBytesPerDay must be at least {1}.")]
    public long MaxBytesPerDay { get; set; } = 500L * 1024 * 1024;

    /// <summary>How long an upload may wait for its message before the sweep deletes it (a closed tab, a crash).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Attachments:PendingLifetime must be between {1} and {2}.")]
    public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A stored picture's longer side; a larger one is scaled down.</summary>
    [Range(64, 8192, ErrorMessage = "Attachments:MaxPictureSide must be between {1} and {2}.")]
    public int MaxPictureSide { get; set; } = 4096;
}
