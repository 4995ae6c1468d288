using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Municipal.Bench.Submissions;

/// <summary>One provider's run: timings of the measured submissions, and the count check over all of them (warm-up included).</summary>
internal sealed record RunResult(
    string Provider,
    int Clients,
    int Requests,
    TimeSpan Elapsed,
    double[] LatenciesMs,
    int DistinctCodes,
    int Acknowledged,
    int Stored,
    int Rows,
    int Attachments,
    int Failed,
    Dictionary<int, int> Statuses)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Acknowledged (201) but not found in the tenant's database afterwards. Must be 0.</summary>
    public int Lost => Acknowledged - Stored;

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

internal static class Report
{
    public static string Markdown(BenchOptions options, string[] args, IReadOnlyList<RunResult> runs)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(invariant, $"## {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {options.Clients} clients, {options.Requests} submissions per provider");
        text.AppendLine();
        text.AppendLine(invariant, $"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average at the end {LoadAverage()}.");
        text.AppendLine(invariant, $"Command: `dotnet run -c Release --project bench/Municipal.Bench.Submissions -- {string.Join(' ', args.Select((a, i) => i > 0 && args[i - 1] == "--connection" ? "\"<server>\"" : a))}`");
        text.AppendLine();
        text.AppendLine("| provider | clients | submissions | seconds | submissions/s | p50 ms | p99 ms | max ms | 201 (incl. warm-up) | stored of them | lost | rows | attachments | other statuses |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            var others = string.Join(", ", run.Statuses.Where(s => s.Key != 201).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString(invariant))}: {s.Value}"));
            text.AppendLine(invariant, $"| {run.Provider} | {run.Clients} | {run.Requests} | {run.Elapsed.TotalSeconds:F1} | {run.PerSecond:F1} | {run.Percentile(50):F1} | {run.Percentile(99):F1} | {run.LatenciesMs.DefaultIfEmpty(double.NaN).Max():F1} | {run.Acknowledged} | {run.Stored} | **{run.Lost}** | {run.Rows} | {run.Attachments} | {(others.Length == 0 ? "none" : others)} |");
        }

        text.AppendLine();
        text.AppendLine("Each submission: a short text, a Belgian address, a national register number and an 8 KB PDF (base64), validated, written (file flushed to disk, then one transaction), receipt queued in the outbox. \"lost\" = tracking codes answered with 201 that the tenant's database does not hold afterwards.");
        return text.ToString();
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
