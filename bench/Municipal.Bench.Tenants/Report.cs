using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using Municipal.Core;

namespace Municipal.Bench.Tenants;

/// <summary>Every figure of a run, printed as one block at the end.</summary>
internal sealed class Report(BenchOptions options)
{
    public double StartupSeconds { get; set; }

    public MemorySnapshot? AfterStartup { get; set; }

    public Timings Provisioning { get; } = new();

    public List<BenchTenant> Created { get; } = [];

    public List<string> ProvisioningFailures { get; } = [];

    public List<(int Tenants, double Seconds, MemorySnapshot Memory)> Checkpoints { get; } = [];

    public double ProvisioningSeconds { get; set; }

    public double ProvisioningCpuSeconds { get; set; }

    public long ProvisioningCommands { get; set; }

    public long ProvisioningCommandErrors { get; set; }

    public IReadOnlyList<(string Error, int Count)> CommandErrors { get; set; } = [];

    public double ProvisioningCommandSeconds { get; set; }

    public MemorySnapshot? AfterProvisioning { get; set; }

    public long DataBytes { get; set; }

    public IReadOnlyList<(string Kind, int Count)> OpenFilesAfterProvisioning { get; set; } = [];

    public Timings Requests { get; } = new();

    public List<string> RequestFailures { get; } = [];

    public double RequestSeconds { get; set; }

    public MemorySnapshot? AfterRequests { get; set; }

    public MemorySnapshot? AfterFullGc { get; set; }

    public MemorySnapshot? AfterClearingPools { get; set; }

    public MemorySnapshot? AfterMallocTrim { get; set; }

    public long Hashes { get; set; }

    public double HashWallSeconds { get; set; }

    public double HashCpuSeconds { get; set; }

    public string LoadAtStart { get; set; } = "?";

    public string LoadAfterProvisioning { get; set; } = "?";

    public bool Failed => ProvisioningFailures.Count > 0 || RequestFailures.Count > 0 || Created.Count < options.Tenants;

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<(string, string)>
        {
            ("date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", c)),
            ("tenants (N)", $"{options.Tenants} requested, {Created.Count} created, {ProvisioningFailures.Count} failed"),
            ("provider", options.Provider),
            ("machine", $"{Environment.ProcessorCount} cores (Environment.ProcessorCount), {RuntimeInformation.OSDescription.Trim()}"),
            ("runtime", $".NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC ({HeapCount()} heaps), engine built {BuildKind()}"),
            ("load average (1/5/15 min)", $"{LoadAtStart} at start, {LoadAfterProvisioning} after provisioning, {ProcessProbe.LoadAverage()} at the end"),
            ("host start-up", F(c, $"{StartupSeconds:F2} s")),
            ("JIT, whole run", F(c, $"{System.Runtime.JitInfo.GetCompiledMethodCount()} methods, {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F1} s")),
            ("memory after start-up", AfterStartup?.Format() ?? "-"),
        };

        if (Provisioning.Count > 0)
        {
            var mean = Provisioning.Mean / 1000;
            lines.Add(("provisioning total", F(c, $"{ProvisioningSeconds:F1} s for {Provisioning.Count} tenants; CPU {ProvisioningCpuSeconds:F1} s ({100 * ProvisioningCpuSeconds / ProvisioningSeconds:F0} % of one core)")));
            lines.Add(("seconds per tenant", F(c, $"mean {mean:F3}  p50 {Provisioning.Percentile(50) / 1000:F3}  p95 {Provisioning.Percentile(95) / 1000:F3}  max {Provisioning.Max / 1000:F3}  first {Provisioning.First / 1000:F3}")));
            var tenth = Math.Max(1, Provisioning.Count / 10);
            lines.Add(("first 10 % vs last 10 %", F(c, $"{Provisioning.MeanOfRange(0, tenth) / 1000:F3} s vs {Provisioning.MeanOfRange(Provisioning.Count - tenth, Provisioning.Count) / 1000:F3} s per tenant")));
            lines.Add(("EF commands per tenant", F(c, $"{(double)ProvisioningCommands / Provisioning.Count:F1} commands, {1000 * ProvisioningCommandSeconds / Provisioning.Count:F1} ms in them ({100 * ProvisioningCommandSeconds / ProvisioningSeconds:F0} % of the wall time); errors {ProvisioningCommandErrors}")));
            lines.Add(("CPU per tenant", F(c, $"{1000 * ProvisioningCpuSeconds / Provisioning.Count:F1} ms (all threads of the process)")));
            lines.Add(("password hashing", F(c, $"{Hashes} hashes; per tenant {1000 * HashWallSeconds / Provisioning.Count:F1} ms wall ({100 * HashWallSeconds / ProvisioningSeconds:F0} % of the wall time), {1000 * HashCpuSeconds / Provisioning.Count:F1} ms thread CPU ({100 * HashCpuSeconds / ProvisioningCpuSeconds:F0} % of the process CPU)")));
            lines.Add(("data on disk", F(c, $"{MemorySnapshot.Mib(DataBytes):F1} MiB ({DataBytes / 1024.0 / Provisioning.Count:F0} KiB per tenant)")));
        }

        lines.Add(("memory after provisioning", AfterProvisioning?.Format() ?? "-"));
        if (AfterStartup is not null && AfterProvisioning is not null && Created.Count > 0)
        {
            lines.Add(("growth per tenant", PerTenant(c, AfterStartup, AfterProvisioning) + " (vs after start-up)"));
            if (Checkpoints.Count >= 4)
            {
                // The second half only: the cost of one more tenant once the process is warm.
                var (fromCount, _, from) = Checkpoints[Checkpoints.Count / 2 - 1];
                var (toCount, _, to) = Checkpoints[^1];
                lines.Add(("marginal, 2nd half", F(c, $"RSS {(to.RssBytes - from.RssBytes) / 1024.0 / (toCount - fromCount):F1} KiB, GC heap {(to.GcHeapBytes - from.GcHeapBytes) / 1024.0 / (toCount - fromCount):F1} KiB, fds {(to.OpenFiles - from.OpenFiles) / (double)(toCount - fromCount):F2}, methods jitted {(to.MethodsJitted - from.MethodsJitted) / (double)(toCount - fromCount):F1} per tenant (tenants {fromCount} to {toCount})")));
            }

            lines.Add(("open fds by target", string.Join(", ", OpenFilesAfterProvisioning.Take(6).Select(k => $"{k.Kind} {k.Count}"))));
        }

        if (Requests.Count > 0)
        {
            lines.Add(("home pages", F(c, $"{Requests.Count} requests in {RequestSeconds:F2} s = {Requests.Count / RequestSeconds:F1} req/s (one client, sequential)")));
            lines.Add(("home page latency", F(c, $"p50 {Requests.Percentile(50):F2} ms  p99 {Requests.Percentile(99):F2} ms  max {Requests.Max:F2} ms  first {Requests.First:F2} ms  mean {Requests.Mean:F2} ms")));
            lines.Add(("home page failures", $"{RequestFailures.Count}"));
        }

        lines.Add(("memory after home pages", AfterRequests?.Format() ?? "-"));
        lines.Add(("memory after full GC", AfterFullGc?.Format() ?? "-"));
        if (AfterStartup is not null && AfterFullGc is not null && Created.Count > 0)
        {
            lines.Add(("retained per tenant", PerTenant(c, AfterStartup, AfterFullGc) + " (vs after start-up)"));
        }

        if (AfterMallocTrim is not null)
        {
            lines.Add(("diag: malloc_trim(0)", AfterMallocTrim.Format()));
        }

        if (AfterClearingPools is not null)
        {
            lines.Add(("diag: SQLite pools cleared", AfterClearingPools.Format() + " (after GC and malloc_trim)"));
        }

        Console.WriteLine();
        Console.WriteLine("===== Municipal tenant bench: summary =====");
        foreach (var (name, value) in lines)
        {
            Console.WriteLine($"{name,-27} {value}");
        }

        PrintFailures("failed SQL commands (EF; some are expected, e.g. probes)", CommandErrors.Select(e => $"{e.Count} x {e.Error}").ToList());
        PrintFailures("provisioning failures", ProvisioningFailures);
        PrintFailures("home page failures", RequestFailures);
        Console.WriteLine("===========================================");
    }

    private string PerTenant(CultureInfo c, MemorySnapshot before, MemorySnapshot after) => F(
        c,
        $"RSS {(after.RssBytes - before.RssBytes) / 1024.0 / Created.Count:F1} KiB, GC heap {(after.GcHeapBytes - before.GcHeapBytes) / 1024.0 / Created.Count:F1} KiB, fds {(after.OpenFiles - before.OpenFiles) / (double)Created.Count:F2}");

    private static void PrintFailures(string title, List<string> failures)
    {
        if (failures.Count == 0)
        {
            return;
        }

        Console.WriteLine($"{title} ({failures.Count}, first 20):");
        foreach (var failure in failures.Take(20))
        {
            Console.WriteLine("  " + failure);
        }
    }

    private static string HeapCount() =>
        GC.GetConfigurationVariables().TryGetValue("HeapCount", out var count) ? Convert.ToString(count, CultureInfo.InvariantCulture) ?? "?" : "?";

    /// <summary>Release or Debug, read from the engine's own assembly (a Debug build disables the JIT optimizer).</summary>
    private static string BuildKind() =>
        typeof(MunicipalOptions).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true ? "Debug (figures not representative)" : "Release";

    private static string F(CultureInfo culture, FormattableString value) => value.ToString(culture);
}
