using System.Globalization;
using System.Text;
using Chat.Load.Measuring;

namespace Chat.Load.Report;

/// <summary>The one table a run ends with, in Markdown, with the parameters and the machine above it.</summary>
internal static class SummaryTable
{
    public static string Format(LoadReport report)
    {
        var chat = report.Rounds.Where(r => r.Kind == "chat").ToList();
        var baseline = report.Rounds.Where(r => r.Kind == "baseline").ToList();
        var text = new StringBuilder();
        Line(text, "## Chat.Load summary");
        Line(text, "");
        Line(text, $"- parameters: `{report.Parameters}`");
        Line(text, $"- machine: {report.Machine}; the load tool runs on the same machine");
        Line(text, $"- outcome: {report.Outcome} after {report.ElapsedSeconds:0} s{(report.Error is null ? "" : $": {report.Error}")}");
        Line(text, "");
        Line(text, $"| measure ({chat.Count} chat and {baseline.Count} baseline rounds; median (min..max) over rounds) | chat | baseline | chat / baseline |");
        Line(text, "|---|---:|---:|---:|");
        Compare(text, "delivery p50, ms", chat, baseline, r => r.Delivery?.P50);
        Compare(text, "delivery p99, ms", chat, baseline, r => r.Delivery?.P99);
        Compare(text, "last member p50, ms", chat, baseline, r => r.LastMember?.P50);
        Compare(text, "last member p99, ms", chat, baseline, r => r.LastMember?.P99);
        Compare(text, "deliveries/s, first send to last delivery", chat, baseline, r => r.DeliveriesPerSecond);
        Row(text, "deliveries lost (not there after the drain)", Lost(chat), Lost(baseline), "");
        Compare(text, "send phase, s (longer than --seconds: every sender was busy)", chat, baseline, r => r.SendPhaseSeconds, ratio: false);
        Compare(text, "CPU of the app process(es), % of one core", chat, baseline, r => r.AppCpuPercent, ratio: false);
        Compare(text, "CPU of this tool, % of one core", chat, baseline, r => r.ToolCpuPercent, ratio: false);
        var rounds = Math.Max(chat.Count, baseline.Count);
        for (var i = 0; i < rounds; i++)
        {
            Row(text, $"round {i + 1}: p50 / p99, ms", Pair(chat.ElementAtOrDefault(i)?.Delivery), Pair(baseline.ElementAtOrDefault(i)?.Delivery), "");
        }

        Row(text, "send until SubmitAsync answered (stored, published): p50 / p99, ms", Pair(AcrossRounds(chat, r => r.Send)),
            "", "");
        Row(text, "sends not confirmed", chat.Sum(r => r.SendFailures).ToString(CultureInfo.InvariantCulture), "", "");
        if (report.BrowserPages > 0)
        {
            var browser = Spread.Of(chat.Select(r => r.Browser?.P50).OfType<double>());
            var protocol = Spread.Of(chat.Select(r => r.Delivery?.P50).OfType<double>());
            Row(text, $"Chromium pages, post to DOM: p50 / p99, ms ({report.BrowserPages} pages; ratio: to protocol clients' p50)",
                $"{Pair(AcrossRounds(chat, r => r.Browser))}; seen {chat.Sum(r => r.BrowserReceived)} of {chat.Sum(r => r.BrowserExpected)}",
                "", Ratio(browser, protocol));
        }

        if (report.Instances > 1)
        {
            // The goal for the relay is at the median (cross within 2x of same); p99 shows its tail.
            foreach (var (label, pick) in new (string, Func<Latency, double>)[] { ("p50", l => l.P50), ("p99", l => l.P99) })
            {
                Compare(text, $"same instance (instance 1) {label}, ms", chat, [], r => r.SameInstance is { } l ? pick(l) : null);
                Compare(text, $"cross instance (instance 2) {label}, ms", chat, [], r => r.CrossInstance is { } l ? pick(l) : null);
                var same = Spread.Of(chat.Select(r => r.SameInstance is { } l ? pick(l) : (double?)null).OfType<double>());
                var cross = Spread.Of(chat.Select(r => r.CrossInstance is { } l ? pick(l) : (double?)null).OfType<double>());
                Row(text, $"cross / same instance {label}", "", "", Ratio(cross, same));
            }

            Row(text, "cross-instance deliveries lost", $"{chat.Sum(r => r.CrossExpected - r.CrossReceived)} of {chat.Sum(r => r.CrossExpected)}", "", "");
        }

        Row(text, "circuits: protocol clients + Chromium pages",
            $"{report.ProtocolCircuits} + {report.BrowserPages}; {report.FailedCircuits} failed to open"
            + $"{(chat.Count > 0 ? $", {chat[^1].DeadCircuits} ended during the run" : "")}", $"{report.Users} WebSockets", "");
        foreach (var (reason, count) in report.CircuitEndings.OrderByDescending(e => e.Value).Take(3))
        {
            Row(text, "why circuits ended", $"{count} × {reason.ReplaceLineEndings(" ").Replace("|", "/", StringComparison.Ordinal)}", "", "");
        }

        Row(text, "circuits opened per second (protocol clients)", $"{report.CircuitsPerSecond:0.0} ({report.CircuitSeconds:0.0} s)", "", "");
        Row(text, "logins through the form", $"{report.Users} in {report.LoginSeconds:0.0} s", "", "");
        Row(text, "app working set (VmRSS): before circuits, with the circuits open",
            $"{Mb(report.WorkingSetBeforeMb)}, {Mb(report.WorkingSetAfterMb)}", "", "");
        Row(text, "app working set per circuit", $"{report.WorkingSetPerCircuitKb:0} KB", "", "");
        return text.ToString();
    }

    private static void Compare(
        StringBuilder text, string name, List<RoundResult> chat, List<RoundResult> baseline, Func<RoundResult, double?> value, bool ratio = true)
    {
        var a = Spread.Of(chat.Select(value).OfType<double>());
        var b = Spread.Of(baseline.Select(value).OfType<double>());
        Row(text, name, Show(a), Show(b), ratio ? Ratio(a, b) : "");
    }

    /// <summary>The median over rounds of each round's p50 and p99, with every round's count and the worst case.</summary>
    private static Latency? AcrossRounds(List<RoundResult> rounds, Func<RoundResult, Latency?> value)
    {
        var parts = rounds.Select(value).OfType<Latency>().ToList();
        return parts.Count == 0
            ? null
            : new Latency(parts.Sum(p => p.Count), Spread.Of(parts.Select(p => p.P50))!.Median, Spread.Of(parts.Select(p => p.P99))!.Median, parts.Max(p => p.Max));
    }

    private static string Lost(List<RoundResult> rounds) =>
        rounds.Count == 0 ? "" : $"{rounds.Sum(r => r.Lost)} of {rounds.Sum(r => r.Expected)}";

    private static string Show(Spread? s) => s is null ? "" : Invariant($"{s.Median:0.0} ({s.Min:0.0}..{s.Max:0.0})");

    private static string Pair(Latency? l) => l is null ? "" : Invariant($"{l.P50:0.0} / {l.P99:0.0}");

    private static string Ratio(Spread? a, Spread? b) => a is null || b is null || b.Median == 0 ? "" : Invariant($"{a.Median / b.Median:0.0}x");

    private static string Mb(List<double> values) => values.Count == 0 ? "" : string.Join(" + ", values.Select(v => Invariant($"{v:0} MB")));

    private static void Row(StringBuilder text, string name, string a, string b, string c) => Line(text, $"| {name} | {a} | {b} | {c} |");

    private static void Line(StringBuilder text, string line) => text.Append(Invariant($"{line}")).Append('\n');

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
