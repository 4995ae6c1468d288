using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Content;
using Municipal.Core.Sharing;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Events.Model;
using Municipal.Events.Occurrences;

namespace Municipal.Bench.Agenda;

/// <summary>
/// The agenda at scale, on SQLite: one subscriber tenant with N own events (bulk-inserted as published versions, then
/// indexed by the rebuild, which writes the rows publication writes: timed) and an agenda subscribing to S source
/// tenants, each publishing M shared events one by one through the ContentManager (the normal publication path, which
/// fills the shared catalogue). Then the agenda page and /api/events for next month, uncached (the output cache's
/// bypass header), p50/p95; and the delay from a publication to its visibility on the subscriber, through the cache.
/// </summary>
internal static class BenchProgram
{
    private const string Subscriber = "agenda";
    private const string Password = "banc-d-essai-agenda-2026";
    private const int WarmUp = 20;
    private const int VisibilityRuns = 5;
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> Main(string[] args)
    {
        var events = Option(args, "--events", 10_000);
        var sources = Option(args, "--sources", 20);
        var perSource = Option(args, "--shared-per-source", 1_000);
        var requests = Option(args, "--requests", 300);
        var dataPath = Directory.CreateTempSubdirectory("municipal-bench-agenda-").FullName;
        WebApplication? app = null;
        try
        {
            var (started, baseAddress) = await BenchHost.StartAsync(dataPath, null, CancellationToken.None);
            app = started;
            var catalog = app.Services.GetRequiredService<ISharedCatalog>();
            Console.WriteLine($"Host on {baseAddress}, SQLite in {dataPath}; shared catalogue: {catalog.GetType().FullName}.");
            var watch = Stopwatch.StartNew();
            var names = Enumerable.Range(1, sources).Select(i => $"source{i:D2}").ToArray();
            foreach (var name in names.Prepend(Subscriber))
            {
                await CreateTenantAsync(app.Services, name);
            }

            Console.WriteLine($"{sources + 1} tenants created in {watch.Elapsed.TotalSeconds:F1} s.");
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Municipal.Core.Display.BrusselsTime.Zone).DateTime);
            await using (var scope = await TenantScopeAsync(app.Services, Subscriber))
            {
                await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(
                    new ContentDraft(EventTypes.Agenda, null, "Agenda", EventTypes.AgendaPath, ContentStore.Serialize(new AgendaContent(
                        "Agenda", null, OwnEventsRule.All, names.Select(n => new AgendaSource(n, [], [], [])).ToArray()))),
                    "bench");
                watch.Restart();
                await BulkInsertAsync(scope.ServiceProvider.GetRequiredService<TenantDbContext>(), events, today.AddDays(1));
                Console.WriteLine($"{events:N0} own events inserted as published versions in {watch.Elapsed.TotalSeconds:F1} s.");
                watch.Restart();
                var rebuild = await scope.ServiceProvider.GetRequiredService<OccurrenceRebuilder>().RebuildAsync(CancellationToken.None);
                Console.WriteLine($"Occurrence index rebuild: {rebuild.Events:N0} events, {rebuild.Occurrences:N0} occurrences, {rebuild.Failed} failed, in {watch.Elapsed.TotalSeconds:F1} s.");
            }

            watch.Restart();
            var published = 0;
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (name, token) =>
            {
                await using var scope = await TenantScopeAsync(app.Services, name);
                var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
                for (var i = 0; i < perSource; i++)
                {
                    var content = EventGenerator.Create(i, today.AddDays(1), shared: true);
                    await manager.SaveAndPublishAsync(new ContentDraft(EventTypes.Event, null, content.Title, EventGenerator.Path(i), ContentStore.Serialize(content)), "bench", token);
                    Interlocked.Increment(ref published);
                }
            });
            Console.WriteLine($"{published:N0} shared events published one by one on {sources} tenants in {watch.Elapsed.TotalSeconds:F1} s ({published / watch.Elapsed.TotalSeconds:F0}/s).");
            var visibleShared = (await catalog.SourcesAsync(Subscriber, EventTypes.Event, CancellationToken.None)).Sum(s => s.Count);
            Console.WriteLine(visibleShared == 0
                ? "The shared catalogue holds nothing for the subscriber: it is still the empty stub on this branch; the figures below are for its own events only."
                : $"The shared catalogue offers {visibleShared:N0} events to the subscriber.");

            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
            var month = $"{first:yyyy-MM-dd}";
            var last = $"{first.AddMonths(1).AddDays(-1):yyyy-MM-dd}";
            using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
            using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
            var host = $"{Subscriber}.localhost";
            Console.WriteLine($"Next month: {month} to {last}; {requests} uncached requests each, after {WarmUp} warm-up.");
            var page = await Latencies.MeasureAsync(http, host, "agenda page", $"/agenda?periode=dates&du={month}&au={last}", requests, WarmUp);
            Console.WriteLine(page + (page.Status == 404 ? " (the agenda page is not on this branch: this is the 404 page)" : string.Empty));
            Console.WriteLine(await Latencies.MeasureAsync(http, host, "/api/events page 1", $"/api/events?from={month}&to={last}", requests, WarmUp));
            Console.WriteLine(await Latencies.MeasureAsync(http, host, "/api/events page 10", $"/api/events?from={month}&to={last}&page=10", requests, WarmUp));
            Console.WriteLine(await Latencies.MeasureAsync(http, host, "/agenda.ics (next month)", $"/agenda.ics?periode=dates&du={month}&au={last}", Math.Max(20, requests / 10), 3));

            var day = first.AddDays(14);
            Console.WriteLine(await VisibilityAsync(app.Services, http, Subscriber, host, day, "own"));
            if (sources > 0)
            {
                Console.WriteLine(await VisibilityAsync(app.Services, http, names[0], host, day, "shared"));
            }

            return 0;
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
                Console.WriteLine($"Left {dataPath}.");
            }
        }
    }

    /// <summary>
    /// Publishes an event on <paramref name="source"/> and asks the subscriber's /api/events for its day every 10 ms,
    /// through the output cache as a citizen would, until the event is there: the delay from the publication's start.
    /// </summary>
    private static async Task<string> VisibilityAsync(IServiceProvider services, HttpClient http, string source, string host, DateOnly day, string label)
    {
        var delays = new List<double>();
        var url = $"/api/events?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}";
        for (var run = 0; run < VisibilityRuns; run++)
        {
            // The day's answer is in the cache before the publication, as on a visited site.
            await GetAsync(http, host, url);
            var title = $"Visible {label} {run} {Guid.NewGuid():N}";
            // Five past midnight: first of its day, so on the first page of the day however many events it has.
            var start = day.ToDateTime(new TimeOnly(0, 5));
            var content = EventGenerator.Create(run, day, shared: true) with { Title = title, Schedule = new EventSchedule(start, start.AddHours(1)) };
            var watch = Stopwatch.StartNew();
            await using (var scope = await TenantScopeAsync(services, source))
            {
                await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(
                    new ContentDraft(EventTypes.Event, null, title, $"{EventTypes.EventPath}/visible-{label}-{run}", ContentStore.Serialize(content)), "bench");
            }

            while (watch.Elapsed < VisibilityTimeout && !(await GetAsync(http, host, url)).Contains(title, StringComparison.Ordinal))
            {
                await Task.Delay(10);
            }

            delays.Add(watch.Elapsed < VisibilityTimeout ? watch.Elapsed.TotalMilliseconds : double.PositiveInfinity);
        }

        return string.Create(CultureInfo.InvariantCulture, $"Publication on {source} to visible on {Subscriber} ({label}): {string.Join(", ", delays.Select(d => double.IsPositiveInfinity(d) ? $"not within {VisibilityTimeout.TotalSeconds:F0} s" : $"{d:F0} ms"))}");
    }

    private static async Task<string> GetAsync(HttpClient http, string host, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Published versions written straight into the content table, 1,000 at a time; the rebuild then indexes them.</summary>
    private static async Task BulkInsertAsync(TenantDbContext db, int count, DateOnly firstDay)
    {
        var now = DateTimeOffset.UtcNow;
        for (var offset = 0; offset < count; offset += 1000)
        {
            for (var i = offset; i < Math.Min(count, offset + 1000); i++)
            {
                var content = EventGenerator.Create(i, firstDay, shared: false);
                db.ContentItems.Add(new ContentItemRecord
                {
                    ContentItemId = Guid.NewGuid().ToString("N"),
                    ContentType = EventTypes.Event,
                    DisplayText = content.Title,
                    Path = EventGenerator.Path(i),
                    Data = ContentStore.Serialize(content),
                    Status = ContentStatus.Published,
                    Latest = true,
                    CreatedUtc = now,
                    ModifiedUtc = now,
                    PublishedUtc = now,
                    Author = "bench",
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static Task<CreatedTenant> CreateTenantAsync(IServiceProvider services, string name) =>
        services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, $"Commune {name}", [$"{name}.localhost"], null, "municipality", $"admin@{name}.localhost", Password),
            recipeMayBePath: false,
            CancellationToken.None);

    private static async Task<AsyncServiceScope> TenantScopeAsync(IServiceProvider services, string name)
    {
        var registry = services.GetRequiredService<TenantRegistry>();
        var tenant = await registry.FindAsync(name) ?? throw new InvalidOperationException($"No tenant {name}.");
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return scope;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
