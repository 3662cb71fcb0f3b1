using System.ComponentModel.DataAnnotations;

namespace Chat.Domain.RateLimiting;

/// <summary>
/// How fast one user may write, per kind of write (the <c>RateLimits</c> section). The defaults are far above what a
/// person does by hand, so only a script or a stuck key meets them.
/// </summary>
public sealed class WriteRateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    public WriteRateLimit Send { get; set; } = new(10, TimeSpan.FromMilliseconds(500));

    public WriteRateLimit Edit { get; set; } = new(10, TimeSpan.FromSeconds(1));

    public WriteRateLimit Delete { get; set; } = new(10, TimeSpan.FromSeconds(1));

    public WriteRateLimit MarkUnread { get; set; } = new(10, TimeSpan.FromSeconds(1));

    /// <summary>Adding or taking back a reaction.</summary>
    public WriteRateLimit React { get; set; } = new(20, TimeSpan.FromMilliseconds(250));

    /// <summary>Pinning and unpinning.</summary>
    public WriteRateLimit Pin { get; set; } = new(10, TimeSpan.FromSeconds(1));

    public WriteRateLimit CreateServer { get; set; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>Creating, renaming, reordering and deleting channels.</summary>
    public WriteRateLimit Channels { get; set; } = new(30, TimeSpan.FromSeconds(2));

    /// <summary>Invitations by username and invite links.</summary>
    public WriteRateLimit Invites { get; set; } = new(50, TimeSpan.FromSeconds(2));

    /// <summary>Display name and bio, and the picture.</summary>
    public WriteRateLimit Profile { get; set; } = new(10, TimeSpan.FromSeconds(5));

    public WriteRateLimit For(WriteAction action) => action switch
    {
        WriteAction.SendMessage => Send,
        WriteAction.EditMessage => Edit,
        WriteAction.DeleteMessage => Delete,
        WriteAction.MarkUnread => MarkUnread,
        WriteAction.React => React,
        WriteAction.Pin => Pin,
        WriteAction.CreateServer => CreateServer,
        WriteAction.ManageChannels => Channels,
        WriteAction.Invite => Invites,
        WriteAction.ChangeProfile => Profile,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown kind of write."),
    };

    /// <summary>Checks each limit's own rules, which data annotations do not look into by themselves.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var property in typeof(WriteRateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(WriteRateLimit)))
        {
            if (property.GetValue(this) is not WriteRateLimit limit)
            {
                yield return new ValidationResult($"{Section}:{property.Name} is missing.", [property.Name]);
                continue;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(limit, new ValidationContext(limit), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{Section}:{property.Name}: {result.ErrorMessage}", [property.Name]);
            }
        }
    }
}

/// <summary>A bucket of <see cref="Burst"/> writes that refills by one every <see cref="Refill"/>.</summary>
public sealed class WriteRateLimit
{
    public WriteRateLimit()
    {
    }

    public WriteRateLimit(int burst, TimeSpan refill)
    {
        Burst = burst;
        Refill = refill;
    }

    [Range(1, 1_000_000_000, ErrorMessage = "Burst must be at least 1.")]
    public int Burst { get; set; } = 1;

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Refill must be between 1 ms and 1 day.")]
    public TimeSpan Refill { get; set; } = TimeSpan.FromSeconds(1);
}
