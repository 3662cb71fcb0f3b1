using Chat.Load.Measuring;

namespace Chat.Load.Report;

/// <summary>Everything one run measured; printed as the summary table and optionally written as JSON.</summary>
internal sealed class LoadReport(LoadOptions options, Machine machine)
{
    public string Parameters { get; } =
        $"--users {options.Users} --db {options.Database.ToString().ToLowerInvariant()} --rate {options.Rate} "
        + $"--seconds {options.Seconds} --rounds {options.Rounds} --browsers {options.Browsers} "
        + $"--instances {options.Instances} --drain {options.Drain.TotalSeconds} --timeout {options.EffectiveTimeout.TotalSeconds:0}";

    public int Users { get; } = options.Users;

    public int Instances { get; } = options.Instances;

    public Machine Machine { get; } = machine;

    /// <summary>"completed", or how the run ended early.</summary>
    public string Outcome { get; set; } = "not started";

    public bool Completed { get; set; }

    public string? Error { get; set; }

    public double ElapsedSeconds { get; set; }

    public double? LoginSeconds { get; set; }

    public int ProtocolCircuits { get; set; }

    public int BrowserPages { get; set; }

    public int FailedCircuits { get; set; }

    public string? FirstCircuitFailure { get; set; }

    public double? CircuitSeconds { get; set; }

    public double? CircuitsPerSecond => CircuitSeconds is > 0 ? ProtocolCircuits / CircuitSeconds : null;

    /// <summary>The app's resident memory (VmRSS) per instance, after the logins and before any circuit.</summary>
    public List<double> WorkingSetBeforeMb { get; } = [];

    /// <summary>The same, with every circuit open and idle.</summary>
    public List<double> WorkingSetAfterMb { get; } = [];

    public double? WorkingSetPerCircuitKb =>
        WorkingSetAfterMb.Count > 0 && WorkingSetAfterMb.Count == WorkingSetBeforeMb.Count && ProtocolCircuits + BrowserPages > 0
            ? (WorkingSetAfterMb.Sum() - WorkingSetBeforeMb.Sum()) * 1024 / (ProtocolCircuits + BrowserPages)
            : null;

    public List<RoundResult> Rounds { get; } = [];

    /// <summary>Why circuits ended during the run: each distinct reason with how many circuits it ended.</summary>
    public Dictionary<string, int> CircuitEndings { get; } = [];
}

/// <summary>One round of one kind ("chat" or "baseline").</summary>
internal sealed record RoundResult
{
    public required int Round { get; init; }

    public required string Kind { get; init; }

    public required int Messages { get; init; }

    /// <summary>Sends the server did not confirm (chat only).</summary>
    public int SendFailures { get; init; }

    public required long Expected { get; init; }

    public required long Received { get; init; }

    public long Lost => Expected - Received;

    /// <summary>Every delivery: a message's send to its render batch (or frame) at one other member.</summary>
    public Latency? Delivery { get; init; }

    /// <summary>Per message, the delivery to the last member that got it.</summary>
    public Latency? LastMember { get; init; }

    /// <summary>Deliveries over the time from the round's first send to its last delivery.</summary>
    public double DeliveriesPerSecond { get; init; }

    /// <summary>Send until the server's answer to SubmitAsync: stored and published (chat only).</summary>
    public Latency? Send { get; init; }

    /// <summary>With two instances: receivers on the senders' instance, and on the other one.</summary>
    public Latency? SameInstance { get; init; }

    public Latency? CrossInstance { get; init; }

    public long CrossExpected { get; init; }

    public long CrossReceived { get; init; }

    /// <summary>Post to DOM in the Chromium pages (chat only).</summary>
    public Latency? Browser { get; init; }

    public long BrowserExpected { get; init; }

    public long BrowserReceived { get; init; }

    /// <summary>How long issuing the round's messages took: longer than --seconds when senders were still busy.</summary>
    public double SendPhaseSeconds { get; init; }

    /// <summary>CPU time of the app process(es), and of this tool, over the round's wall time, in % of one core.</summary>
    public double AppCpuPercent { get; init; }

    public double ToolCpuPercent { get; init; }

    /// <summary>Circuits that had ended by the end of the round.</summary>
    public int DeadCircuits { get; init; }
}
