using System.Globalization;
using System.Runtime;
using System.Text;

namespace Municipal.Bench.Media;

/// <summary>The table and the lines around it, as markdown (printed, and appended to the results file on request).</summary>
internal sealed record Report(
    Options Options,
    string LoadAtStart,
    string LoadAtEnd,
    long RssBefore,
    long HeapBefore,
    long RssAfterFullGc,
    long RssAfterTrim,
    long HeapAfter,
    long CommittedAfter,
    long PeakWorkingSet,
    IReadOnlyList<Series> Series)
{
    /// <summary>SKGraphics resource and font caches in use at the end, before they were purged.</summary>
    public long SkiaCacheBytes { get; init; }

    /// <summary>VmRSS after SKGraphics.PurgeAllCaches and another malloc_trim.</summary>
    public long RssAfterSkiaPurge { get; init; }

    public string Markdown(string commandLine, string[] args)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"## Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line($"");
        Line($"- Machine: {Environment.ProcessorCount} cores (nproc), {Probe.MemoryGib():F1} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC.");
        Line($"- Load average (1, 5, 15 min): {LoadAtStart} at start, {LoadAtEnd} at the end.");
        Line($"- Command: `dotnet run -c Release --project bench/Municipal.Bench.Media -- {string.Join(' ', args)}` ({Options.Runs} uploads of each image, {Options.Refusals} of each refused file; process: `{commandLine}`).");
        Line($"- Path: `service` = `MediaLibrary.UploadAsync` in-process in a scope of a real tenant (SQLite) of the real host (check, decode, re-encode, write derivatives, row, audit line); `HTTP` = POST /admin/medias over loopback with a signed-in administrator (multipart form read by Kestrel, then the same service).");
        Line($"- Each run follows a full compacting GC and `malloc_trim`; the figures are process-wide (server, and for HTTP the client too) over that run.");
        Line($"");
        Line($"| input | path | size in | wall p50 / p95 ms | CPU ms (mean) | managed alloc MiB | peak GC heap Δ MiB | peak RSS Δ MiB | RSS kept Δ MiB | written KiB (files) | written / in | outcome |");
        Line($"|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in Series)
        {
            var written = s.Runs.Count == 0 ? 0 : s.Runs.Average(r => (double)r.WrittenBytes);
            var files = s.Runs.Count == 0 ? 0 : s.Runs.Max(r => r.Files);
            var outcomes = string.Join(", ", s.Runs.GroupBy(r => r.Outcome).Select(g => $"{g.Key} × {g.Count()}"));
            Line($"| {s.Image.Label} ({s.Image.Width}×{s.Image.Height}) | {s.Path} | {Size(s.Image.Bytes.Length)} | {s.Wall(50):F1} / {s.Wall(95):F1} | {s.Mean(r => r.CpuMs):F0} | {s.Mean(r => r.AllocatedBytes) / 1048576.0:F2} | {Probe.Mib(s.Max(r => r.PeakHeapGrowth)):F1} | {Probe.Mib(s.Max(r => r.PeakRssGrowth)):F1} | {Probe.Mib(s.Max(r => r.RssAfterGrowth)):F1} | {(written == 0 ? "–" : $"{written / 1024:F0} ({files})")} | {(written == 0 ? "–" : $"{written / s.Image.Bytes.Length:P1}")} | {outcomes} |");
        }

        Line($"");
        Line($"- Memory: RSS {Probe.Mib(RssBefore):F1} MiB and GC heap {Probe.Mib(HeapBefore):F1} MiB after start-up (tenant created, before the warm-up upload); after all runs and a full GC: RSS {Probe.Mib(RssAfterFullGc):F1} MiB, {Probe.Mib(RssAfterTrim):F1} MiB after `malloc_trim(0)`, GC heap {Probe.Mib(HeapAfter):F1} MiB (committed {Probe.Mib(CommittedAfter):F1} MiB). Diag: SkiaSharp's resource and font caches held {Probe.Mib(SkiaCacheBytes):F1} MiB; after purging them and `malloc_trim` again, RSS {Probe.Mib(RssAfterSkiaPurge):F1} MiB.");
        Line($"- Peak working set of the process (`Process.PeakWorkingSet64`, VmHWM) after each series: {string.Join(", ", Series.Select(s => $"{s.Image.Label} {s.Path} {Probe.Mib(s.PeakWorkingSetAfter):F0} MiB"))}.");
        var photo = Series.FirstOrDefault(s => s.Path == "service" && s.Image.Width == 4000);
        if (photo is { Runs.Count: > 0 })
        {
            var cpuSeconds = photo.Mean(r => r.CpuMs) / 1000;
            Line($"- 12 MP photo: {cpuSeconds:F2} s of CPU each, so at most {Environment.ProcessorCount * 60 / cpuSeconds:F0} per minute on {Environment.ProcessorCount} cores with nothing else to do (ImageProcessor decodes at most 2 at a time).");
        }

        foreach (var batch in Series.Where(s => s.Batch > 1 && s.Runs.Count > 0))
        {
            Line($"- {batch.Image.Label}, {batch.Batch} sent at once: a batch takes {batch.Wall(50) / 1000:F2} s (p50), i.e. {batch.Batch * 60000 / batch.Wall(50):F0} uploads per minute measured, {batch.Mean(r => r.CpuMs) / batch.Batch:F0} ms of CPU and {Probe.Mib(batch.Max(r => r.PeakRssGrowth)) / batch.Batch:F1} MiB of peak RSS per upload (the row's figures are per batch).");
        }

        Line($"");
        return text.ToString();
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F2} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} B");
}
