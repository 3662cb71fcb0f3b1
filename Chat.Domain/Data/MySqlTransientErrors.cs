using MySql.Data.MySqlClient;

namespace Chat.Domain.Data;

/// <summary>
/// Errors that Oracle's MySql.EntityFrameworkCore 10.0.12 does not count as transient but are: its retrying
/// strategy gave up at once while a restarted MariaDB was still coming back (a fault test found it).
/// </summary>
internal static class MySqlTransientErrors
{
    public static readonly int[] Missing =
    [
        // "Unable to connect to any of the specified MySQL hosts": the server is down or not listening yet.
        (int)MySqlErrorCode.UnableToConnectToHost,
    ];
}
