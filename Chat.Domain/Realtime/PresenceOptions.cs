using System.ComponentModel.DataAnnotations;

namespace Chat.Domain.Realtime;

/// <summary>
/// How often an instance reports who is connected to it, and after how long without a word it is forgotten and its
/// users go offline elsewhere (the <c>Presence</c> section; only several instances on PostgreSQL use them).
/// </summary>
public sealed class PresenceOptions : IValidatableObject
{
    public const string Section = "Presence";

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Presence:ReportEvery must be between {1} and {2}.")]
    public TimeSpan ReportEvery { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00", ErrorMessage = "Presence:ForgetAfter must be between {1} and {2}.")]
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromMinutes(3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A live instance reports every ReportEvery: forgetting sooner would take its users offline between beats.
        if (ForgetAfter <= ReportEvery)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(ForgetAfter)} ({ForgetAfter}) must be longer than {Section}:{nameof(ReportEvery)} ({ReportEvery}).",
                [nameof(ForgetAfter)]);
        }
    }
}
