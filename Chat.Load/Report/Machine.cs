using System.Globalization;
using System.Runtime.InteropServices;

namespace Chat.Load.Report;

/// <summary>What the numbers were measured on.</summary>
internal sealed record Machine(int Cores, string Cpu, double MemoryGb, string Os, string Runtime)
{
    public static Machine Current() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Math.Round(ProcKb("/proc/meminfo", "MemTotal") / 1024.0 / 1024.0, 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>A process's resident memory (VmRSS, what Linux calls its working set) in MB.</summary>
    public static double ResidentMb(int processId) => ProcKb($"/proc/{processId}/status", "VmRSS") / 1024.0;

    /// <summary>CPU time a process has used so far (user and system).</summary>
    public static TimeSpan CpuTime(int processId)
    {
        using var process = System.Diagnostics.Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }

    public override string ToString() =>
        $"{Cores} cores ({Cpu}), {MemoryGb:0.#} GB RAM, {Os}, {Runtime}";

    private static string? ProcField(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
            .Select(line => line.Split(':', 2)[1].Trim())
            .FirstOrDefault();
    }

    private static long ProcKb(string file, string name) =>
        ProcField(file, name) is { } value
            ? long.Parse(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture)
            : 0;
}
