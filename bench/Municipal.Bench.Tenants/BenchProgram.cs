using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Tenancy;

namespace Municipal.Bench.Tenants;

/// <summary>
/// Starts the real web host in this process, provisions N tenants from the "municipality" recipe one after the
/// other, asks each tenant's home page once over HTTP on loopback, and prints time and memory at each stage.
/// </summary>
internal static class BenchProgram
{
    /// <summary>Fixed administrator password: no generation, but Identity still hashes it (PBKDF2) for each tenant.</summary>
    private const string AdminPassword = "bench-tenants-password-2026";

    private const string Recipe = "municipality";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            if (ex.Message.Length > 0)
            {
                Console.Error.WriteLine(ex.Message);
            }

            Console.Error.WriteLine(BenchOptions.Usage);
            return ex.Message.Length > 0 ? 2 : 0;
        }

        using var stop = new CancellationTokenSource(options.MaxDuration);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        // SIGTERM (kill) also stops the loops, so the host shuts down and the temp folder is deleted.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var dataPath = Directory.CreateTempSubdirectory("municipal-bench-").FullName;
        var report = new Report(options);
        WebApplication? app = null;
        try
        {
            app = await RunAsync(options, dataPath, report, stop.Token);
            report.Print();
            if (options.Hold > TimeSpan.Zero)
            {
                Console.WriteLine($"Holding the host for {options.Hold.TotalSeconds:F0} s (process {Environment.ProcessId})...");
                await Task.Delay(options.Hold, stop.Token);
            }

            return report.Failed ? 1 : 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine($"Stopped: --max-minutes ({options.MaxDuration.TotalMinutes} min) reached, Ctrl+C or SIGTERM. Partial figures:");
            report.Print();
            return 3;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // E.g. the process ran out of file descriptors: say so, and print what was measured.
            Console.Error.WriteLine($"The run was aborted: {ex}");
            report.Print();
            return 1;
        }
        finally
        {
            if (app is not null)
            {
                await ShutDownAsync(app, options, report.Created);
            }

            SqliteConnection.ClearAllPools();
            if (options.Keep)
            {
                Console.WriteLine($"Data kept in {dataPath}");
            }
            else
            {
                TryDelete(dataPath);
            }
        }
    }

    private static async Task<WebApplication> RunAsync(BenchOptions options, string dataPath, Report report, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Municipal tenant bench: {options.Tenants} tenants, provider {options.Provider}, {Environment.ProcessorCount} cores, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, data in {dataPath}");
        report.LoadAtStart = ProcessProbe.LoadAverage();
        var started = Stopwatch.StartNew();
        using var commands = new DbCommandCounter();
        var hashes = new HashClock();
        var (app, baseAddress) = await BenchHost.StartAsync(options, dataPath, hashes, cancellationToken);
        report.StartupSeconds = started.Elapsed.TotalSeconds;
        report.AfterStartup = ProcessProbe.Take();
        Console.WriteLine($"Host listening on {baseAddress} after {report.StartupSeconds:F2} s");
        Console.WriteLine($"[after start-up]      {report.AfterStartup.Format()}");

        if (options.IsPostgres && (await app.Services.GetRequiredService<TenantRegistry>().GetLookupAsync(cancellationToken)).All.Count > 0)
        {
            throw new InvalidOperationException("The PostgreSQL database already has tenants: give the bench an empty database.");
        }

        await ProvisionAsync(app.Services, options, report, commands, hashes, cancellationToken);
        report.DataBytes = FolderSize(dataPath);
        report.OpenFilesAfterProvisioning = ProcessProbe.OpenFilesByKind();

        await RequestHomePagesAsync(baseAddress, report, cancellationToken);

        ProcessProbe.FullCollect();
        report.AfterFullGc = ProcessProbe.Take();
        Console.WriteLine($"[after full GC]       {report.AfterFullGc.Format()}");

        // Diagnostics only, after every figure above: how much of what remains is memory the C allocator kept
        // after it was freed, and how much is held by the idle pooled SQLite connections of the tenants.
        if (ProcessProbe.TrimNativeHeap())
        {
            report.AfterMallocTrim = ProcessProbe.Take();
            Console.WriteLine($"[diag: malloc_trim]   {report.AfterMallocTrim.Format()}");
        }

        if (!options.IsPostgres)
        {
            SqliteConnection.ClearAllPools();
            ProcessProbe.FullCollect();
            ProcessProbe.TrimNativeHeap();
            report.AfterClearingPools = ProcessProbe.Take();
            Console.WriteLine($"[diag: pools cleared] {report.AfterClearingPools.Format()}");
        }

        return app;
    }

    private static async Task ProvisionAsync(IServiceProvider services, BenchOptions options, Report report, DbCommandCounter commands, HashClock hashes, CancellationToken cancellationToken)
    {
        var provisioner = services.GetRequiredService<TenantProvisioner>();
        var checkpointEvery = Math.Max(1, Math.Min(100, options.Tenants / 10));
        var cpuBefore = ProcessProbe.CpuTime();
        var (commandsBefore, _, commandTimeBefore) = commands.Read();
        var (hashesBefore, hashWallBefore, hashCpuBefore) = hashes.Read();
        var total = Stopwatch.StartNew();
        var consecutiveFailures = 0;
        using var jit = options.JitProfile ? new JitListener() : null;
        Console.WriteLine($"Provisioning {options.Tenants} tenants from recipe « {Recipe} », one after the other...");
        for (var i = 1; i <= options.Tenants; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i == options.Tenants / 2 + 1)
            {
                jit?.Start();
            }

            var tenant = BenchTenant.Of(i);
            var one = Stopwatch.StartNew();
            try
            {
                await provisioner.CreateAsync(
                    new CreateTenantRequest(tenant.Name, tenant.DisplayName, [tenant.Host], null, Recipe, $"admin@{tenant.Host}", AdminPassword),
                    recipeMayBePath: false,
                    cancellationToken);
                report.Provisioning.Add(one.Elapsed.TotalMilliseconds);
                report.Created.Add(tenant);
                consecutiveFailures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                report.ProvisioningFailures.Add($"{tenant.Name}: {ex.GetType().Name}: {ex.Message}");
                if (++consecutiveFailures >= 10)
                {
                    Console.Error.WriteLine("10 creations in a row failed: provisioning stops here.");
                    break;
                }
            }

            if (i % checkpointEvery == 0 || i == options.Tenants)
            {
                var snapshot = ProcessProbe.Take();
                report.Checkpoints.Add((i, total.Elapsed.TotalSeconds, snapshot));
                Console.WriteLine($"  {i,6} tenants  {total.Elapsed.TotalSeconds,8:F1} s  last {checkpointEvery}: {report.Provisioning.MeanOfRange(Math.Max(0, report.Provisioning.Count - checkpointEvery), report.Provisioning.Count),7:F1} ms/tenant  {snapshot.Format()}");
            }
        }

        report.ProvisioningSeconds = total.Elapsed.TotalSeconds;
        if (jit is not null)
        {
            jit.Stop();
            var (jitted, dynamicMethods, tiers, top) = jit.Read(25);
            var tenants = options.Tenants - options.Tenants / 2;
            Console.WriteLine($"JIT profile, tenants {options.Tenants / 2 + 1} to {options.Tenants}: {jitted} methods compiled ({(double)jitted / tenants:F1} per tenant), {dynamicMethods} of them dynamic; by tier: {tiers}; by type:");
            foreach (var (type, count) in top)
            {
                Console.WriteLine($"  {count,7}  {type}");
            }
        }

        report.LoadAfterProvisioning = ProcessProbe.LoadAverage();
        report.ProvisioningCpuSeconds = (ProcessProbe.CpuTime() - cpuBefore).TotalSeconds;
        var (commandsAfter, errors, commandTimeAfter) = commands.Read();
        report.ProvisioningCommands = commandsAfter - commandsBefore;
        report.ProvisioningCommandErrors = errors;
        report.CommandErrors = commands.ErrorMessages();
        report.ProvisioningCommandSeconds = (commandTimeAfter - commandTimeBefore).TotalSeconds;
        var (hashesAfter, hashWallAfter, hashCpuAfter) = hashes.Read();
        report.Hashes = hashesAfter - hashesBefore;
        report.HashWallSeconds = (hashWallAfter - hashWallBefore).TotalSeconds;
        report.HashCpuSeconds = (hashCpuAfter - hashCpuBefore).TotalSeconds;
        report.AfterProvisioning = ProcessProbe.Take();
        Console.WriteLine($"[after provisioning]  {report.AfterProvisioning.Format()}");
    }

    private static async Task RequestHomePagesAsync(Uri baseAddress, Report report, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Console.WriteLine($"Requesting the home page of each of {report.Created.Count} tenants once, one after the other...");
        var total = Stopwatch.StartNew();
        foreach (var tenant in report.Created)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = tenant.Host;
            var one = Stopwatch.StartNew();
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                report.Requests.Add(one.Elapsed.TotalMilliseconds);
                // The site name is the text of an element (header and footer): ">Commune 1<" does not match "Commune 10".
                var expected = ">" + Encoder.Encode(tenant.DisplayName) + "<";
                if ((int)response.StatusCode != 200)
                {
                    report.RequestFailures.Add($"{tenant.Host}: HTTP {(int)response.StatusCode}");
                }
                else if (!body.Contains(expected, StringComparison.Ordinal))
                {
                    report.RequestFailures.Add($"{tenant.Host}: 200 but no « {tenant.DisplayName} » in the page ({body.Length} chars)");
                }
            }
            catch (HttpRequestException ex)
            {
                report.RequestFailures.Add($"{tenant.Host}: {ex.Message}");
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                report.RequestFailures.Add($"{tenant.Host}: timeout ({ex.Message})");
            }
        }

        report.RequestSeconds = total.Elapsed.TotalSeconds;
        report.AfterRequests = ProcessProbe.Take();
        Console.WriteLine($"[after home pages]    {report.AfterRequests.Format()}");
    }

    private static async Task ShutDownAsync(WebApplication app, BenchOptions options, IReadOnlyList<BenchTenant> created)
    {
        if (options.IsPostgres && !options.Keep)
        {
            // Schemas live outside the temp folder: remove the bench's tenants the engine's own way.
            var provisioner = app.Services.GetRequiredService<TenantProvisioner>();
            foreach (var tenant in created)
            {
                try
                {
                    await provisioner.DeleteAsync(tenant.Name, CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Console.Error.WriteLine($"Could not delete {tenant.Name}: {ex.Message}");
                }
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }

    private static long FolderSize(string path)
    {
        try
        {
            return new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        }
        catch (IOException)
        {
            return -1; // no file descriptor left to read folders with
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete {path}: {ex.Message}");
        }
    }
}

internal sealed record BenchTenant(string Name, string DisplayName, string Host)
{
    public static BenchTenant Of(int i)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"t{i:D4}");
        return new BenchTenant(name, string.Create(CultureInfo.InvariantCulture, $"Commune {i}"), name + ".localhost");
    }
}
