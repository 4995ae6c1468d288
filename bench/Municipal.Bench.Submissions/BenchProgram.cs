using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Tenancy;
using Municipal.Forms.Model;
using Municipal.Forms.Storage;
using Npgsql;

namespace Municipal.Bench.Submissions;

/// <summary>
/// Starts the real host on SQLite, then on PostgreSQL, provisions one tenant with one form (short text, Belgian
/// address, national register number, a small PDF), and has N concurrent clients post valid submissions through
/// the JSON API over loopback HTTP. Reports submissions per second and latency percentiles, then reads the tenant's
/// database back and checks that every tracking code acknowledged with a 201 is stored (zero lost).
/// </summary>
internal static class BenchProgram
{
    private const string TenantName = "guichet";
    private const string TenantHost = "guichet.localhost";
    private const string Slug = "signalement";
    private const int WarmUp = 5;

    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        var body = Body();
        Console.WriteLine($"One submission: {Encoding.UTF8.GetByteCount(body):N0} bytes of JSON (a {FileBytes.Length:N0}-byte PDF in base64).");
        var runs = new List<RunResult> { await RunAsync("SQLite", null, options, body) };
        if (options.PostgresServer is { } server)
        {
            runs.Add(await RunOnFreshDatabaseAsync(server, options, body));
        }
        else
        {
            Console.WriteLine($"PostgreSQL skipped: give --connection or {BenchOptions.PostgresVariable}.");
        }

        var markdown = Report.Markdown(options, args, runs);
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.ResultsFile is { } file)
        {
            await File.AppendAllTextAsync(file, markdown + Environment.NewLine);
            Console.WriteLine($"Appended to {file}.");
        }

        return runs.All(r => r.Lost == 0 && r.Failed == 0) ? 0 : 1;
    }

    private static async Task<RunResult> RunOnFreshDatabaseAsync(string server, BenchOptions options, string body)
    {
        var database = "municipal_bench_submissions_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        try
        {
            return await RunAsync("PostgreSQL", new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString(), options, body);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (options.Keep)
            {
                Console.WriteLine($"Kept the PostgreSQL database {database}.");
            }
            else
            {
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }
    }

    private static async Task<RunResult> RunAsync(string provider, string? postgres, BenchOptions options, string body)
    {
        var dataPath = Directory.CreateTempSubdirectory("municipal-bench-submissions-").FullName;
        WebApplication? app = null;
        try
        {
            var (started, baseAddress) = await BenchHost.StartAsync(dataPath, postgres, CancellationToken.None);
            app = started;
            await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
                new CreateTenantRequest(TenantName, "Commune du guichet", [TenantHost], null, "municipality", "admin@guichet.localhost", "banc-d-essai-guichet-2026"),
                recipeMayBePath: false,
                CancellationToken.None);
            await using (var scope = await TenantScopeAsync(app.Services))
            {
                await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(Form(), CancellationToken.None);
            }

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
            var acknowledged = new ConcurrentBag<string>();
            var statuses = new ConcurrentDictionary<int, int>();

            // Warm-up (JIT, EF model, pools): a few submissions one after the other; their codes are checked too.
            for (var i = 0; i < WarmUp; i++)
            {
                await PostAsync(http, body, acknowledged, statuses, latencies: null);
            }

            Console.WriteLine($"{provider}: host started, tenant and form ready; {options.Requests} submissions by {options.Clients} clients...");
            var latencies = new ConcurrentBag<double>();
            var remaining = options.Requests;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    await PostAsync(http, body, acknowledged, statuses, latencies);
                }
            })));
            clock.Stop();

            var codes = acknowledged.ToHashSet(StringComparer.Ordinal);
            int stored, attachments, rows;
            await using (var scope = await TenantScopeAsync(app.Services))
            {
                // Read back through a fresh DbContext: what the tenant's database holds now.
                var db = scope.ServiceProvider.GetRequiredService<FormsDbContext>();
                var inDatabase = await db.Submissions.AsNoTracking().Select(s => s.TrackingCode).ToListAsync();
                rows = inDatabase.Count;
                stored = inDatabase.Count(codes.Contains);
                attachments = await db.Attachments.AsNoTracking().CountAsync();
            }

            var measured = statuses.Where(s => s.Key != 201).Sum(s => s.Value);
            var result = new RunResult(provider, options.Clients, options.Requests, clock.Elapsed, latencies.ToArray(), codes.Count, acknowledged.Count, stored, rows, attachments, measured, statuses.ToDictionary());
            Console.WriteLine($"{provider}: {result.PerSecond:F1} submissions/s, p50 {result.Percentile(50):F1} ms, p99 {result.Percentile(99):F1} ms, {result.Acknowledged} acknowledged, {result.Stored} of them stored, {result.Lost} lost.");
            return result;
        }
        finally
        {
            if (app is not null)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await app.StopAsync(timeout.Token);
                await app.DisposeAsync();
            }

            if (options.Keep)
            {
                Console.WriteLine($"Kept the data folder {dataPath}.");
            }
            else
            {
                TryDelete(dataPath);
            }
        }
    }

    private static async Task PostAsync(HttpClient http, string body, ConcurrentBag<string> acknowledged, ConcurrentDictionary<int, int> statuses, ConcurrentBag<double>? latencies)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/forms/{Slug}/submissions") { Content = content };
        request.Headers.Host = TenantHost;
        var started = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var answer = JsonDocument.Parse(text);
                acknowledged.Add(answer.RootElement.GetProperty("trackingCode").GetString()!);
            }
        }
        catch (HttpRequestException)
        {
            status = 0;
        }

        latencies?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
    }

    private static async Task<AsyncServiceScope> TenantScopeAsync(IServiceProvider services)
    {
        var registry = services.GetRequiredService<TenantRegistry>();
        registry.Invalidate();
        var tenant = await registry.FindAsync(TenantName) ?? throw new InvalidOperationException("The tenant was not created.");
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return scope;
    }

    private static readonly byte[] FileBytes = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('%', 8 * 1024) + "\n%%EOF\n");

    private static FormDefinition Form() => new()
    {
        Slug = Slug,
        Title = "Signaler un problème sur la voie publique",
        Steps =
        [
            new FormStep
            {
                Title = "Le problème",
                Fields =
                [
                    new TextField { Name = "nom", Label = "Nom", Required = true, MaxLength = 200, PersonalData = true },
                    new AddressField { Name = "adresse", Label = "Adresse du problème", Required = true },
                    new NrnField { Name = "nrn", Label = "Numéro de registre national", Required = true, PersonalData = true },
                    new FileField { Name = "photo", Label = "Photo ou plan", Required = true, MaxFiles = 1, MaxBytes = 1024 * 1024, AcceptedTypes = ["application/pdf"] },
                ],
            },
        ],
    };

    private static string Body() => new JsonObject
    {
        ["email"] = "citoyen@exemple.be",
        ["values"] = new JsonObject
        {
            ["nom"] = "Marie Dupont",
            ["adresse"] = new JsonObject { ["street"] = "Rue de Fer", ["number"] = "12", ["box"] = null, ["postalCode"] = "5000", ["locality"] = "Namur" },
            ["nrn"] = "85.07.14-123.30",
            ["photo"] = new JsonArray(new JsonObject { ["name"] = "plan.pdf", ["contentType"] = "application/pdf", ["base64"] = Convert.ToBase64String(FileBytes) }),
        },
    }.ToJsonString();

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        await command.ExecuteNonQueryAsync();
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            Console.Error.WriteLine($"Could not delete {folder}.");
        }
    }
}
