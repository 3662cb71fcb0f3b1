namespace Chat.Domain;

/// <summary>A request the domain refuses; the message is written for the user who made it.</summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The thing does not exist, or the user may not know that it does.</summary>
public sealed class NotFoundException(string message) : DomainException(message);

/// <summary>The user is known but not allowed to do this.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>The input breaks a rule; the UI shows the message next to the field.</summary>
public sealed class ValidationException(string message, string? field = null) : DomainException(message)
{
    public string? Field { get; } = field;
}

/// <summary>Someone else changed the thing first; the user should look again before retrying.</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>Too many writes in a short time; nothing was changed.</summary>
public sealed class RateLimitedException(string message) : DomainException(message)
{
    /// <summary>What every over-limit write answers, whatever the write was.</summary>
    public const string SlowDown = "You are going too fast. Slow down a little and try again in a moment.";

    public RateLimitedException()
        : this(SlowDown)
    {
    }
}
