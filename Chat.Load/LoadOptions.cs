using System.Globalization;
using Chat.Domain.Data;

namespace Chat.Load;

/// <summary>What one run does; parsed from the command line (see <see cref="Usage"/>).</summary>
internal sealed record LoadOptions
{
    /// <summary>The app lets a user send 10 messages at once, then one every 500 ms (RateLimits:Send in the app).</summary>
    public const double MaxRatePerSender = 2;

    public int Users { get; init; } = 200;

    public DatabaseProvider Database { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Messages per second, over all senders.</summary>
    public double Rate { get; init; } = 20;

    /// <summary>Length of each round's send phase.</summary>
    public int Seconds { get; init; } = 10;

    public int Rounds { get; init; } = 5;

    public int Browsers { get; init; } = 3;

    public int Instances { get; init; } = 1;

    /// <summary>How long a round waits after its last send for deliveries still on their way.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The hard bound for the whole run; null means <see cref="DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Opening circuits stops when the app's resident memory passes this (MB): half the machine's by default.</summary>
    public int MaxAppMemoryMb { get; init; } = (int)(Report.Machine.Current().MemoryGb * 1024 / 2);

    /// <summary>Where to write the machine-readable report, if anywhere.</summary>
    public string? JsonPath { get; init; }

    public int MessagesPerRound => (int)Math.Ceiling(Rate * Seconds);

    /// <summary>Circuits opened by the protocol-level clients; the browser pages are the rest of the users.</summary>
    public int ProtocolClients => Users - Browsers;

    /// <summary>Senders are protocol clients on instance 1 (every one of them with one instance).</summary>
    public int Senders => Instances == 1 ? ProtocolClients : (ProtocolClients + 1) / 2;

    /// <summary>
    /// Setup (app start, seeding, a PBKDF2 login per user: about 5 a second on two idle cores, 2 on busy ones;
    /// circuits; browsers), then each chat round twice over (a slow app stretches its send phase) and each baseline
    /// round once, both with their drain.
    /// </summary>
    public TimeSpan DefaultTimeout =>
        TimeSpan.FromSeconds(120 + (Users * 0.5) + (Browsers * 10))
        + (3 * Rounds * (TimeSpan.FromSeconds(Seconds) + Drain));

    public TimeSpan EffectiveTimeout => Timeout ?? DefaultTimeout;

    public static string Usage => """
        Chat.Load: opens real Blazor circuits on one channel of a fresh Chat app and times every delivery.

        dotnet run -c Release --project Chat.Load -- [options]

          --users N          users in the channel, each with one live circuit (default 200)
          --db sqlite|postgres|mysql  fresh SQLite file, or a fresh database on a private PostgreSQL cluster or
                             MariaDB server (default sqlite)
          --rate R           messages per second over all senders (default 20; at most 2 per sender)
          --seconds S        send phase of each round (default 10)
          --rounds K         rounds of each kind, interleaved chat, baseline, chat, ... (default 5)
          --browsers B       of the N users, B are real Chromium pages (default 3; 0 for none)
          --instances 1|2    app processes on one database (2 needs postgres; senders on instance 1) (default 1)
          --drain S          seconds a round waits for late deliveries (default 5)
          --timeout S        hard bound of the whole run (default: computed from the above, printed at start)
          --max-app-memory MB  stop opening circuits when the app's working set passes this (default: half the RAM)
          --json FILE        also write the results as JSON
          --help             this text

        It ends by itself: after the last round, or at the time bound, whichever comes first; Ctrl+C also stops it.
        Either way it kills the app, stops PostgreSQL or MariaDB, deletes its temporary files and prints what it measured.
        """;

    /// <summary>Parses <paramref name="args"/>; returns null with <paramref name="error"/> set when they are wrong.</summary>
    public static LoadOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new LoadOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new FormatException($"{name} needs a value.");
                }

                return args[++i];
            }

            try
            {
                options = name switch
                {
                    "--users" => options with { Users = Int(Value()) },
                    "--db" => options with { Database = Provider(Value()) },
                    "--rate" => options with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--seconds" => options with { Seconds = Int(Value()) },
                    "--rounds" => options with { Rounds = Int(Value()) },
                    "--browsers" => options with { Browsers = Int(Value()) },
                    "--instances" => options with { Instances = Int(Value()) },
                    "--drain" => options with { Drain = TimeSpan.FromSeconds(Int(Value())) },
                    "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Int(Value())) },
                    "--max-app-memory" => options with { MaxAppMemoryMb = Int(Value()) },
                    "--json" => options with { JsonPath = Value() },
                    _ => throw new FormatException($"Unknown option {name}."),
                };
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                error = e.Message;
                return null;
            }
        }

        error = options.Validate();
        return error is null ? options : null;
    }

    private string? Validate()
    {
        if (Users < 2 || Rate <= 0 || Seconds < 1 || Rounds < 1 || Browsers < 0 || Drain < TimeSpan.Zero)
        {
            return "--users needs at least 2; --rate, --seconds and --rounds must be positive; --browsers and --drain not negative.";
        }

        if ((long)Rounds * MessagesPerRound >= 1_000_000)
        {
            return "--rounds × --rate × --seconds must stay under a million messages (the token has six digits).";
        }

        if (Instances is not (1 or 2))
        {
            return "--instances is 1 or 2.";
        }

        if (Instances == 2 && Database != DatabaseProvider.Postgres)
        {
            return "--instances 2 needs --db postgres: live events reach another instance only through PostgreSQL's "
                + "LISTEN/NOTIFY, which SQLite and MySQL do not have.";
        }

        if (ProtocolClients < Instances * 2)
        {
            return $"--browsers {Browsers} leaves too few protocol clients among {Users} users.";
        }

        if (Rate > Senders * MaxRatePerSender)
        {
            return $"--rate {Rate} is more than {Senders} senders may send: the app allows each user "
                + $"{MaxRatePerSender} messages a second, so at most {Senders * MaxRatePerSender}.";
        }

        return null;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DatabaseProvider Provider(string value) => value.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        "mysql" or "mariadb" => DatabaseProvider.MySql,
        _ => throw new FormatException($"--db is sqlite, postgres or mysql, not {value}."),
    };
}
