using Chat.App.Localization;
using Chat.Domain;

namespace Chat.App.Components.Common;

/// <summary>
/// One thing a user asked for (save, create, delete, join...). While it runs, <see cref="Busy"/> is true, so its
/// button can wait; a refusal by the domain becomes <see cref="Error"/>, in the user's language, to be shown where
/// they look (<see cref="FormError"/>), and the form keeps what was typed. Anything else is a bug and goes on to the
/// error boundary.
/// </summary>
public sealed class UserAction
{
    public bool Busy { get; private set; }

    public string? Error { get; private set; }

    /// <returns>Whether it was done; when not, <see cref="Error"/> says why.</returns>
    public async Task<bool> RunAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        (Busy, Error) = (true, null);
        try
        {
            await action();
            return true;
        }
        catch (DomainException e)
        {
            Error = e.Describe();
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}
