namespace Chat.Tests.Support;

/// <summary>
/// Decides whether a test that needs an external tool may be skipped. On a developer machine a missing tool
/// should not turn the whole suite red; on CI the tool is part of the contract, so a silent skip would hide a
/// broken setup and is turned into a failure instead.
/// </summary>
public static class TestEnvironment
{
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns null when <paramref name="available"/>, otherwise a skip reason for xunit's <c>Skip</c>, e.g.
    /// <c>SkipReason(false, "PostgreSQL binaries", "install postgresql")</c> gives
    /// "PostgreSQL binaries not found (install postgresql); skipped outside CI".
    /// </summary>
    /// <exception cref="InvalidOperationException">The thing is missing and CI=true.</exception>
    public static string? SkipReason(bool available, string what, string? hint = null)
    {
        if (available)
        {
            return null;
        }

        var missing = hint is null ? $"{what} not found" : $"{what} not found ({hint})";
        if (IsCi)
        {
            throw new InvalidOperationException(
                $"{missing}, but CI=true: CI must provide it (see .ci/run), so this fails instead of being skipped.");
        }

        return $"{missing}; skipped outside CI";
    }
}
