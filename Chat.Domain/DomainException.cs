using System.Globalization;

namespace Chat.Domain;

/// <summary>
/// Why the domain refused a request, as data: a stable code and the values its words need. The interface turns it
/// into words in the reader's language (Chat.App/Localization/DomainErrors.resx); the domain writes no sentences.
/// </summary>
public sealed record DomainError(string Code, IReadOnlyList<object> Arguments)
{
    public DomainError(string code)
        : this(code, [])
    {
    }

    /// <summary>The same code with equal arguments (a record alone would compare the list by reference).</summary>
    public bool Equals(DomainError? other) =>
        other is not null && Code == other.Code && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Code, Arguments.Count);

    /// <summary>For logs and test failures: <c>MessageTooLong(4000, 4001)</c>.</summary>
    public override string ToString() => Arguments.Count == 0
        ? Code
        : $"{Code}({string.Join(", ", Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)))})";
}

/// <summary>A request the domain refuses; <see cref="Error"/> says why, for the user who made it.</summary>
public abstract class DomainException(DomainError error) : Exception(error.ToString())
{
    public DomainError Error { get; } = error;

    /// <summary>The stable code, e.g. <c>MessageTooLong</c>: what tests and the interface look at.</summary>
    public string Code => Error.Code;
}

/// <summary>The thing does not exist, or the user may not know that it does.</summary>
public sealed class NotFoundException(DomainError error) : DomainException(error);

/// <summary>The user is known but not allowed to do this.</summary>
public sealed class ForbiddenException(DomainError error) : DomainException(error);

/// <summary>The input breaks a rule; the UI shows the error next to the field.</summary>
public sealed class ValidationException(DomainError error, string? field = null) : DomainException(error)
{
    public string? Field { get; } = field;
}

/// <summary>Someone else changed the thing first; the user should look again before retrying.</summary>
public sealed class ConflictException(DomainError error) : DomainException(error);

/// <summary>Too many writes in a short time; nothing was changed. Every over-limit write answers the same.</summary>
public sealed class RateLimitedException() : DomainException(new DomainError(nameof(DomainErrors.SlowDown)));
