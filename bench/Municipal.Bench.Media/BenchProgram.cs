using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Tenancy;
using Municipal.Media.Files;
using Municipal.Media.Library;
using Municipal.Media.Storage;

namespace Municipal.Bench.Media;

/// <summary>
/// Starts the real host, provisions one tenant, then uploads generated images through MediaLibrary.UploadAsync
/// (the service POST /admin/medias calls after reading the form) one after the other, and sends the refused files
/// both to the service and over HTTP to POST /admin/medias with a signed-in session.
/// </summary>
internal static partial class BenchProgram
{
    private const string TenantName = "medias";
    private const string TenantHost = "medias.localhost";
    private const string AdminEmail = "admin@medias.localhost";
    private const string AdminPassword = "banc-d-essai-medias-2026";
    private const int Concurrent = 4;

    public static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        var loadAtStart = Probe.LoadAverage();
        Console.WriteLine("Generating the images (SkiaSharp)...");
        TestImage[] accepted =
        [
            TestImages.PhotoJpeg("12 MP JPEG photo", 4000, 3000, 90),
            TestImages.PhotoJpeg("24 MP JPEG photo", 6000, 4000, 90),
            TestImages.TransparentPng("2 MP PNG, transparent", 1732, 1155),
            TestImages.PhotoJpeg("40 MP JPEG (at the limit)", 8000, 5000, 85),
        ];
        var bomb = TestImages.PngBomb(50_000);
        var oversized = TestImages.Oversized(accepted[0], 12_000_000);
        foreach (var image in accepted.Append(bomb).Append(oversized))
        {
            Console.WriteLine($"  {image.Label}: {image.Bytes.Length:N0} bytes");
        }

        var dataPath = Directory.CreateTempSubdirectory("municipal-bench-media-").FullName;
        WebApplication? app = null;
        try
        {
            var (started, baseAddress) = await BenchHost.StartAsync(dataPath, CancellationToken.None);
            app = started;
            await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
                new CreateTenantRequest(TenantName, "Commune des médias", [TenantHost], null, "municipality", AdminEmail, AdminPassword),
                recipeMayBePath: false,
                CancellationToken.None);
            var tenant = await app.Services.GetRequiredService<TenantRegistry>().FindAsync(TenantName)
                ?? throw new InvalidOperationException("The tenant was not created.");

            Probe.FullCollect();
            Probe.TrimNativeHeap();
            var rssBefore = Environment.WorkingSet;
            var heapBefore = GC.GetTotalMemory(false);
            Console.WriteLine($"Host started, tenant « {TenantName} » created. RSS {Probe.Mib(rssBefore):F1} MiB, GC heap {Probe.Mib(heapBefore):F1} MiB.");

            // Warm-up (JIT, EF model, SkiaSharp's native library): one small upload, not counted.
            await UploadAsync(app.Services, tenant, accepted[2]);

            var series = new List<Series>();
            using var sampler = new PeakSampler();
            foreach (var image in accepted)
            {
                series.Add(await MeasureAsync(new Series(image, "service"), options.Runs, sampler, () => UploadAsync(app.Services, tenant, image)));
            }

            // Throughput: batches of uploads sent at once (the processor decodes two at a time, the others wait).
            series.Add(await MeasureAsync(new Series(accepted[0], $"service, {Concurrent} at once", Concurrent), options.Runs, sampler, async () =>
            {
                var results = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => Task.Run(() => UploadAsync(app.Services, tenant, accepted[0]))));
                return (results.All(r => r.Outcome == "stored") ? "stored" : "failed", results.Sum(r => r.Written), results.Sum(r => r.Files));
            }));

            series.Add(await MeasureAsync(new Series(bomb, "service"), options.Refusals, sampler, () => UploadAsync(app.Services, tenant, bomb)));
            using (var http = await SignInAsync(baseAddress))
            {
                var token = Token(await http.GetStringAsync(new Uri("admin/medias", UriKind.Relative)));
                series.Add(await MeasureAsync(new Series(bomb, "HTTP"), options.Refusals, sampler, () => PostAsync(http, token, bomb)));
                series.Add(await MeasureAsync(new Series(oversized, "HTTP"), options.Refusals, sampler, () => PostAsync(http, token, oversized)));
                series.Add(await MeasureAsync(new Series(accepted[0], "HTTP"), options.Runs, sampler, () => PostAsync(http, token, accepted[0])));
            }

            Probe.FullCollect();
            var rssAfterGc = Environment.WorkingSet;
            Probe.TrimNativeHeap();
            var rssAfterTrim = Environment.WorkingSet;
            // Diagnostic: whether SkiaSharp's own caches hold what RSS kept.
            var skiaCache = SkiaSharp.SKGraphics.GetResourceCacheTotalBytesUsed() + SkiaSharp.SKGraphics.GetFontCacheUsed();
            SkiaSharp.SKGraphics.PurgeAllCaches();
            Probe.TrimNativeHeap();
            var report = new Report(options, loadAtStart, Probe.LoadAverage(), rssBefore, heapBefore, rssAfterGc, rssAfterTrim, GC.GetTotalMemory(false), GC.GetGCMemoryInfo().TotalCommittedBytes, Probe.PeakRss(), series)
            {
                SkiaCacheBytes = skiaCache,
                RssAfterSkiaPurge = Environment.WorkingSet,
            };
            var markdown = report.Markdown(Environment.CommandLine, args);
            Console.WriteLine();
            Console.WriteLine(markdown);
            if (options.ResultsFile is { } file)
            {
                await File.AppendAllTextAsync(file, markdown + Environment.NewLine);
                Console.WriteLine($"Appended to {file}.");
            }

            return series.SelectMany(s => s.Runs).All(r => r.Outcome == "stored" || r.Outcome.StartsWith("refused", StringComparison.Ordinal) || r.Outcome.StartsWith("closed while sending", StringComparison.Ordinal)) ? 0 : 1;
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            if (options.Keep)
            {
                Console.WriteLine($"Data kept in {dataPath}");
            }
            else
            {
                Directory.Delete(dataPath, recursive: true);
            }
        }
    }

    /// <summary>Runs <paramref name="upload"/> <paramref name="count"/> times, each after a full GC, and records what the process spent on it.</summary>
    private static async Task<Series> MeasureAsync(Series series, int count, PeakSampler sampler, Func<Task<(string Outcome, long Written, int Files)>> upload)
    {
        Console.WriteLine($"{series.Image.Label} via {series.Path}, {count} times...");
        for (var i = 0; i < count; i++)
        {
            Probe.FullCollect();
            Probe.TrimNativeHeap();
            var heap = GC.GetTotalMemory(false);
            var rss = Environment.WorkingSet;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Probe.CpuTime();
            sampler.Reset();
            var wall = Stopwatch.StartNew();
            var (outcome, written, files) = await upload();
            wall.Stop();
            var cpuMs = (Probe.CpuTime() - cpu).TotalMilliseconds;
            var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var (peakHeap, peakRss) = sampler.Peaks;
            series.Runs.Add(new UploadCost(wall.Elapsed.TotalMilliseconds, cpuMs, allocatedBytes, Math.Max(0, peakHeap - heap), Math.Max(0, peakRss - rss), Environment.WorkingSet - rss, written, files, outcome));
        }

        series.PeakWorkingSetAfter = Probe.PeakRss();
        var outcomes = string.Join(", ", series.Runs.GroupBy(r => r.Outcome).Select(g => $"{g.Key} × {g.Count()}"));
        Console.WriteLine($"  p50 {series.Wall(50):F1} ms, p95 {series.Wall(95):F1} ms, CPU {series.Mean(r => r.CpuMs):F1} ms; {outcomes}");
        return series;
    }

    /// <summary>The service POST /admin/medias calls, in a scope of the tenant as a request would have.</summary>
    private static async Task<(string Outcome, long Written, int Files)> UploadAsync(IServiceProvider services, Tenant tenant, TestImage image)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var library = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
        var result = await library.UploadAsync(new MediaUpload(image.FileName, image.Bytes, "Image du banc d'essai", null), CancellationToken.None);
        if (result.Media is not { } media)
        {
            return ("refused", 0, 0);
        }

        return ("stored", media.StoredBytes, media.Widths.Split(',').Length + 1);
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Host = TenantHost;
        var signIn = new Uri("admin/connexion", UriKind.Relative);
        var token = Token(await http.GetStringAsync(signIn));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = token, ["email"] = AdminEmail, ["password"] = AdminPassword });
        using var response = await http.PostAsync(signIn, form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            http.Dispose();
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}.");
        }

        return http;
    }

    /// <summary>POST /admin/medias as the upload form sends it; 302 to the edit page is "stored", a 4xx "refused".</summary>
    private static async Task<(string Outcome, long Written, int Files)> PostAsync(HttpClient http, string token, TestImage image)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__jeton" },
            { new StringContent("Image du banc d'essai"), "alt" },
            { new ByteArrayContent(image.Bytes), "file", image.FileName },
        };
        try
        {
            // Expect: 100-continue lets the server answer before the body is sent, so the client sees its status; a
            // browser sends the body at once and Kestrel closes the connection after its 413 (the cost is the same).
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/medias", UriKind.Relative)) { Content = content };
            request.Headers.ExpectContinue = true;
            using var response = await http.SendAsync(request);
            _ = await response.Content.ReadAsByteArrayAsync();
            var status = (int)response.StatusCode;
            return status == 302 ? ("stored", 0, 0) : status is >= 400 and < 500 ? ($"refused (HTTP {status})", 0, 0) : ($"HTTP {status}", 0, 0);
        }
        catch (HttpRequestException ex)
        {
            // Kestrel may answer 413 and close the connection while the client is still sending the body.
            return ($"closed while sending ({ex.HttpRequestError})", 0, 0);
        }
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    [GeneratedRegex("name=\"__jeton\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
