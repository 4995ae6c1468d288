using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Municipal.Bench.Render;

/// <summary>The printed report of a run: environment, table of measures, ratios.</summary>
public static partial class BenchProgram
{
    private static async Task<string> EnvironmentReportAsync(BenchOptions options, string wrk)
    {
        var text = new StringBuilder();
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var coreAssembly = typeof(Municipal.Core.MunicipalOptions).Assembly;
        var optimized = coreAssembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
#if DEBUG
        const string configuration = "Debug (figures are not meaningful: use -c Release)";
#else
        const string configuration = "Release";
#endif
        text.AppendLine("Environment");
        text.AppendLine(Invariant, $"- date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        text.AppendLine(Invariant, $"- machine: {Environment.ProcessorCount} cores ({CpuModel()}), {memory:0.0} GiB available to .NET, {RuntimeInformation.OSDescription}");
        text.AppendLine(Invariant, $"- .NET: {RuntimeInformation.FrameworkDescription}, {configuration} build (Municipal.Core JIT-optimized: {(optimized ? "yes" : "NO")}), " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, environment Production, logging at Warning, SQLite");
        text.AppendLine(Invariant, $"- load: {await Wrk.VersionAsync(wrk)}, {options.Threads} threads, {options.Connections} connections, " +
            $"{options.DurationSeconds} s per run after a {options.WarmupSeconds} s warm-up of the same run, keep-alive, loopback 127.0.0.1");
        text.AppendLine(Invariant, $"- wrk and the server share the same {Environment.ProcessorCount} cores (no pinning): every figure is for both on one machine");
        text.AppendLine($"- constant endpoint: {BenchHost.ConstantPath}, mapped on the same app before MapMunicipal, requested with Host: {BenchHost.TenantHost}, " +
            "so it goes through the same pipeline (security headers, tenant resolution, routing, feature gate, output cache policy)");
        return text.ToString();
    }

    private static string Table(IReadOnlyList<Measured> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| run | requests/s | avg | p50 | p99 |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var r = row.Result;
            text.AppendLine(Invariant, $"| ({row.Scenario.Key}) {row.Scenario.Title} | {r.RequestsPerSecond:N0} | {Ms(r.LatencyAverage)} | {Ms(r.LatencyP50)} | {Ms(r.LatencyP99)} |");
        }

        text.AppendLine();
        text.AppendLine("| run | warm-up requests/s | requests | reached endpoint | body | server CPU | server CPU/request | wrk CPU | kernel, uncharged | other processes | machine busy |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var r = row.Result;
            var cpuPerRequest = r.Requests == 0 ? 0 : row.ServerCpu.TotalMicroseconds / r.Requests;
            text.AppendLine(Invariant,
                $"| ({row.Scenario.Key}) | {(row.WarmupRate is { } w ? w.ToString("N0", Invariant) : "-")} | {r.Requests:N0} | {row.PastCache:N0} | {row.Scenario.BodyBytes:N0} B | {row.ServerCpu.TotalSeconds:0.0} s | {cpuPerRequest:N0} µs | " +
                $"{r.WrkCpu.TotalSeconds:0.0} s | {row.KernelCpu.TotalSeconds:0.0} s | {row.OtherProcessesCpu.TotalSeconds:0.0} s | {row.Machine.BusyShare:P0} |");
        }

        text.AppendLine();
        text.AppendLine("requests/s and latencies (avg; p50 and p99 of --latency) as wrk printed them. warm-up requests/s: the same run just");
        text.AppendLine("before, not counted (far below the measured rate: the JIT was tiering up). requests: wrk's count. reached endpoint:");
        text.AppendLine("requests the output cache did not answer (a middleware after UseOutputCache counts them; it may exceed wrk's count by");
        text.AppendLine("the requests in flight at the end). server CPU: this process's CPU time during the run; wrk CPU: wrk's; kernel,");
        text.AppendLine("uncharged: busy time charged to no process (mostly loopback networking); other processes: everything else running on");
        text.AppendLine("the machine meanwhile; machine busy: share of all cores (/proc/stat).");
        var socket = rows.Where(r => r.Result.SocketErrors != "none").Select(r => $"({r.Scenario.Key}) {r.Result.SocketErrors}").ToList();
        text.AppendLine(socket.Count == 0 ? "No socket errors, no non-2xx responses." : "Socket errors: " + string.Join("; ", socket));
        var repeated = rows.Where(r => r.Attempt > 1).Select(r => $"({r.Scenario.Key}) {r.Attempt}").ToList();
        if (repeated.Count > 0)
        {
            text.AppendLine(Invariant, $"Runs done again because other processes disturbed them (--wait-quiet), attempt kept: {string.Join(", ", repeated)}.");
        }

        var busy = rows.Where(r => r.Disturbed).Select(r => $"({r.Scenario.Key})").ToList();
        if (busy.Count > 0)
        {
            text.AppendLine(Invariant, $"WARNING: other processes took more than {QuietShare:P0} of the machine during {string.Join(", ", busy)}: those figures are understated.");
        }

        return text.ToString();
    }

    private static string Ratios(IReadOnlyList<Measured> rows)
    {
        double Rps(string key) => rows.Single(r => r.Scenario.Key == key).Result.RequestsPerSecond;
        var text = new StringBuilder();
        text.AppendLine("Ratios of requests/s");
        text.AppendLine(Invariant, $"- (a)/(c) cached page / constant floor: {Rps("a") / Rps("c"):0.000}");
        text.AppendLine(Invariant, $"- (b)/(c) rendered page / constant floor: {Rps("b") / Rps("c"):0.000}");
        text.AppendLine(Invariant, $"- (a)/(d) cached page / cached constant: {Rps("a") / Rps("d"):0.000}");
        text.AppendLine(Invariant, $"- (a)/(b) what the output cache gains on this page: x{Rps("a") / Rps("b"):0.0}");
        return text.ToString();
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.00", Invariant) + " ms";
}
