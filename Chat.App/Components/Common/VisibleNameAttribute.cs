using System.ComponentModel.DataAnnotations;
using Chat.App.Localization;
using Chat.Domain.Text;

namespace Chat.App.Components.Common;

/// <summary>
/// The domain's <see cref="VisibleText"/> rule as form validation, so a form shows the refusal next to its field
/// before anything is sent. The registration form needs it most: it creates the account through Identity, not
/// through a domain service. The services check again whatever a form let through.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VisibleNameAttribute(TextSubject what) : ValidationAttribute
{
    /// <summary>What the field holds, which the message names in the reader's language.</summary>
    public TextSubject What { get; } = what;

    /// <summary>False for free text (a description, a bio): line breaks allowed, no letter or digit needed.</summary>
    public bool IsName { get; init; } = true;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var text = (value as string)?.Trim();
        var problem = IsName ? VisibleText.NameProblem(text, What) : VisibleText.TextProblem(text, multiline: true, What);
        return problem is null
            ? ValidationResult.Success
            : new ValidationResult(problem.Describe(), validationContext.MemberName is { } member ? [member] : null);
    }
}
