using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Municipal.Bench.Render;

/// <summary>
/// Starts the engine in this process, provisions one tenant from the demo recipe, and measures with wrk
/// (a) a page served from the output cache, (b) the same page rendered every time, (c) a constant endpoint
/// behind the same pipeline, then prints one table. See bench/render/README.md.
/// </summary>
public static partial class BenchProgram
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Below this busy share, the machine counts as quiet (the idle server's timers, an editor...).</summary>
    private const double QuietShare = 0.10;

    public static async Task<int> Main(string[] args)
    {
        // Figures print the same everywhere: 1,234.5 and 12 %.
        CultureInfo.DefaultThreadCurrentCulture = Invariant;
        CultureInfo.CurrentCulture = Invariant;
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        if (Wrk.FindExecutable() is not { } wrk)
        {
            await Console.Error.WriteLineAsync("wrk is not on the PATH. On Debian: apt-get install -y wrk");
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            await RunAsync(options, wrk, stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Interrupted.");
            return 130;
        }
        catch (BenchCheckException ex)
        {
            await Console.Error.WriteLineAsync("Check failed: " + ex.Message);
            return 1;
        }
    }

    private static async Task RunAsync(BenchOptions options, string wrk, CancellationToken cancellationToken)
    {
        var before = await MachineCpu.SampleAsync(TimeSpan.FromSeconds(2), cancellationToken);
        Console.WriteLine($"Machine busy before start: {before.BusyShare:P0} of {Environment.ProcessorCount} cores over 2 s (steal {before.Steal.TotalSeconds:0.00} s).");
        if (before.BusyShare > QuietShare)
        {
            Console.WriteLine($"WARNING: other processes use this machine; wrk and the server will compete with them and the figures will be low and noisy.");
        }

        var clock = Stopwatch.StartNew();
        await using var host = await BenchHost.StartAsync(cancellationToken);
        var started = clock.Elapsed;
        await host.ProvisionAsync(cancellationToken);
        var provisioned = clock.Elapsed - started;
        Console.WriteLine($"Engine on {host.BaseAddress} (started in {started.TotalSeconds:0.0} s); tenant \"{BenchHost.TenantName}\" " +
            $"({BenchHost.TenantHost}) provisioned from the demo recipe in {provisioned.TotalSeconds:0.0} s.");

        var checks = await CheckAsync(host, options.Path, cancellationToken);
        foreach (var line in checks.Lines)
        {
            Console.WriteLine("  check: " + line);
        }

        var bypass = new Dictionary<string, string> { ["Host"] = BenchHost.TenantHost, [BenchHost.BypassHeader] = "1" };
        var cached = new Dictionary<string, string> { ["Host"] = BenchHost.TenantHost };
        var scenarios = new[]
        {
            new Scenario("a", $"page {options.Path}, from the output cache", options.Path, cached, checks.PageBytes),
            new Scenario("b", $"page {options.Path}, rendered (bypass header)", options.Path, bypass, checks.PageBytes),
            new Scenario("c", $"constant {BenchHost.ConstantPath}, not cached (bypass header)", BenchHost.ConstantPath, bypass, checks.ConstantBytes),
            new Scenario("d", $"constant {BenchHost.ConstantPath}, from the output cache", BenchHost.ConstantPath, cached, checks.ConstantBytes),
        };

        var measured = new List<Measured>();
        var quietBudget = TimeSpan.FromSeconds(options.WaitQuietSeconds);
        foreach (var scenario in scenarios)
        {
            // With --wait-quiet, a run that other processes disturbed is done again (twice at most) while time remains.
            for (var attempt = 1; ; attempt++)
            {
                quietBudget -= await WaitForQuietAsync(quietBudget, cancellationToken);
                var runTime = Stopwatch.StartNew();
                var run = await MeasureAsync(host, wrk, options, scenario, attempt, cancellationToken);
                if (!run.Disturbed || attempt == 3 || quietBudget <= TimeSpan.Zero)
                {
                    measured.Add(run);
                    break;
                }

                quietBudget -= runTime.Elapsed;
                Console.WriteLine($"({scenario.Key}) other processes took {run.OtherProcessesCpu.TotalSeconds:0.0} s of CPU during the run: once more.");
            }
        }

        var breakdown = await BreakdownAsync(host, options.Path, cancellationToken);

        Console.WriteLine();
        Console.WriteLine(await EnvironmentReportAsync(options, wrk));
        Console.WriteLine(Table(measured));
        Console.WriteLine(Ratios(measured));
        Console.WriteLine(breakdown);
        Console.WriteLine("Checks before the runs:");
        foreach (var line in checks.Lines)
        {
            Console.WriteLine("- " + line);
        }
    }

    /// <summary>
    /// Before measuring: the page and the constant answer 200; a second plain request is served from the cache
    /// (ASP.NET Core's output cache adds an Age header to what it serves, and the counter behind it does not move);
    /// with the bypass header, every request reaches the endpoint and none carries Age.
    /// </summary>
    private static async Task<Checks> CheckAsync(BenchHost host, string path, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var lines = new List<string>();

        async Task<(string? Age, int Bytes, long PastCache, TimeSpan Time)> GetAsync(string url, bool bypass)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = BenchHost.TenantHost;
            if (bypass)
            {
                request.Headers.Add(BenchHost.BypassHeader, "1");
            }

            var before = host.EndpointRequests;
            var clock = Stopwatch.StartNew();
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            clock.Stop();
            if ((int)response.StatusCode != 200)
            {
                throw new BenchCheckException($"GET {url} (Host: {BenchHost.TenantHost}) answered {(int)response.StatusCode}, not 200.");
            }

            var age = response.Headers.TryGetValues("Age", out var values) ? string.Join(",", values) : null;
            return (age, body.Length, host.EndpointRequests - before, clock.Elapsed);
        }

        var first = await GetAsync(path, bypass: false);
        var second = await GetAsync(path, bypass: false);
        if (first.Age is not null || first.PastCache != 1)
        {
            throw new BenchCheckException($"The first GET {path} should be rendered (no Age, reached the endpoint); Age={first.Age}, reached={first.PastCache}.");
        }

        if (second.Age is null || second.PastCache != 0)
        {
            throw new BenchCheckException($"The second GET {path} should come from the output cache (Age header, endpoint not reached); Age={second.Age}, reached={second.PastCache}.");
        }

        lines.Add($"GET {path}: {first.Bytes:N0} bytes; 1st rendered in {Ms(first.Time)} (no Age), 2nd from the output cache in {Ms(second.Time)} (Age: {second.Age}, endpoint not reached)");

        var bypassed1 = await GetAsync(path, bypass: true);
        var bypassed2 = await GetAsync(path, bypass: true);
        if (bypassed1.Age is not null || bypassed2.Age is not null || bypassed1.PastCache + bypassed2.PastCache != 2)
        {
            throw new BenchCheckException($"With {BenchHost.BypassHeader}, GET {path} should be rendered every time (no Age).");
        }

        lines.Add($"GET {path} with {BenchHost.BypassHeader}: rendered each time (no Age, endpoint reached twice in two requests; {Ms(bypassed2.Time)})");

        var constant1 = await GetAsync(BenchHost.ConstantPath, bypass: true);
        var constant2 = await GetAsync(BenchHost.ConstantPath, bypass: false);
        var constant3 = await GetAsync(BenchHost.ConstantPath, bypass: false);
        if (constant1.Age is not null || constant3.Age is null)
        {
            throw new BenchCheckException($"GET {BenchHost.ConstantPath}: expected no Age with the bypass header, and Age on a repeated plain request.");
        }

        lines.Add($"GET {BenchHost.ConstantPath} (Host: {BenchHost.TenantHost}, so through tenant resolution like the page): {constant1.Bytes} bytes; " +
            $"the engine's cache policy caches it like any anonymous GET (plain request: Age {constant3.Age}), so (c) sends the bypass header and (d) does not");
        return new Checks(lines, first.Bytes, constant1.Bytes);
    }

    private static async Task<Measured> MeasureAsync(BenchHost host, string wrk, BenchOptions options, Scenario scenario, int attempt, CancellationToken cancellationToken)
    {
        var url = new Uri(host.BaseAddress, scenario.Path);
        double? warmup = null;
        if (options.WarmupSeconds > 0)
        {
            Console.WriteLine($"({scenario.Key}) warm-up {options.WarmupSeconds} s...");
            warmup = (await Wrk.RunAsync(wrk, url, scenario.Headers, options.Threads, options.Connections, options.WarmupSeconds, cancellationToken)).RequestsPerSecond;
        }

        Console.WriteLine($"({scenario.Key}) {scenario.Title}: {options.DurationSeconds} s...");
        var pastCacheBefore = host.EndpointRequests;
        var cpuBefore = ServerCpu();
        var machineBefore = MachineCpu.Read();
        var othersBefore = OtherProcesses.Snapshot();
        var result = await Wrk.RunAsync(wrk, url, scenario.Headers, options.Threads, options.Connections, options.DurationSeconds, cancellationToken);
        var machine = MachineCpu.Read() - machineBefore;
        var others = OtherProcesses.Snapshot() - othersBefore;
        var serverCpu = ServerCpu() - cpuBefore;
        var pastCache = host.EndpointRequests - pastCacheBefore;
        if (result.Non2xx3xx > 0)
        {
            throw new BenchCheckException($"({scenario.Key}) {result.Non2xx3xx} responses were not 2xx or 3xx:\n{result.RawOutput}");
        }

        return new Measured(scenario, result, warmup, pastCache, serverCpu, machine, others, attempt);
    }

    /// <summary>
    /// After the runs, without wrk: requests one at a time on one connection, rendered page then constant, to see
    /// what one rendering costs in server time and CPU, and how many SQL commands it runs (EF Core diagnostics).
    /// </summary>
    private static async Task<string> BreakdownAsync(BenchHost host, string path, CancellationToken cancellationToken)
    {
        const int count = 300;
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        async Task<(TimeSpan PerRequest, TimeSpan CpuPerRequest)> SequentialAsync(string url)
        {
            var clock = Stopwatch.StartNew();
            var cpu = ServerCpu();
            for (var i = 0; i < count; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Host = BenchHost.TenantHost;
                request.Headers.Add(BenchHost.BypassHeader, "1");
                using var response = await client.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }

            // The client runs in this process too: its share is in the CPU figure, the same for both paths.
            return (clock.Elapsed / count, (ServerCpu() - cpu) / count);
        }

        await SequentialAsync(BenchHost.ConstantPath);
        var constant = await SequentialAsync(BenchHost.ConstantPath);
        using var meter = new EfCommandMeter();
        var page = await SequentialAsync(path);
        var (commands, connections, commandTime) = meter.Read();

        var text = new StringBuilder();
        text.AppendLine(Invariant, $"One at a time (after the runs, {count} requests on one connection, bypass header, client in this process)");
        text.AppendLine(Invariant, $"- page {path}: {Ms(page.PerRequest)} per request, {Ms(page.CpuPerRequest)} of this process's CPU per request");
        text.AppendLine(Invariant, $"- constant {BenchHost.ConstantPath}: {Ms(constant.PerRequest)} per request, {Ms(constant.CpuPerRequest)} of CPU per request");
        text.AppendLine(Invariant, $"- SQL per rendered page (EF Core diagnostics): {(double)commands / count:0.0} commands, {(double)connections / count:0.0} connection opens, " +
            $"{Ms(commandTime / count)} until their readers are open (reading rows and materializing not included)");
        return text.ToString();
    }

    /// <summary>Waits, at most <paramref name="budget"/>, until the machine is quiet (sampled over one second); returns the time waited.</summary>
    private static async Task<TimeSpan> WaitForQuietAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var announced = false;
        while (waited.Elapsed < budget)
        {
            var sample = await MachineCpu.SampleAsync(TimeSpan.FromSeconds(1), cancellationToken);
            if (sample.BusyShare <= QuietShare)
            {
                break;
            }

            if (!announced)
            {
                announced = true;
                Console.WriteLine($"  machine {sample.BusyShare:P0} busy: waiting up to {(budget - waited.Elapsed).TotalSeconds:0} s more for it to be quiet...");
            }
        }

        return waited.Elapsed;
    }

    private static TimeSpan ServerCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "CPU model unknown";
        }
        catch (IOException)
        {
            return "CPU model unknown";
        }
    }

    private sealed record Scenario(string Key, string Title, string Path, IReadOnlyDictionary<string, string> Headers, int BodyBytes);

    private sealed record Measured(Scenario Scenario, WrkResult Result, double? WarmupRate, long PastCache, TimeSpan ServerCpu, MachineCpu Machine, TimeSpan OtherProcessesCpu, int Attempt)
    {
        /// <summary>Other processes took more than <see cref="QuietShare"/> of the machine during the run.</summary>
        public bool Disturbed => OtherProcessesCpu.TotalSeconds > QuietShare * Environment.ProcessorCount * Result.DurationSeconds;

        /// <summary>The machine's busy time charged to no process: mostly the kernel's network work (softirq) for the loopback traffic.</summary>
        public TimeSpan KernelCpu => Machine.Busy - ServerCpu - Result.WrkCpu - OtherProcessesCpu is { Ticks: > 0 } rest ? rest : TimeSpan.Zero;
    }

    private sealed record Checks(IReadOnlyList<string> Lines, int PageBytes, int ConstantBytes);
}

/// <summary>A precondition of the benchmark that does not hold: the figures would mean nothing.</summary>
public sealed class BenchCheckException(string message) : Exception(message);
