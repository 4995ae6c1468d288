using System.Diagnostics;
using System.Globalization;

namespace Municipal.Bench.Agenda;

/// <summary>Times one URL requested again and again, one request at a time, and reports p50 and p95.</summary>
internal sealed record Latencies(string Name, int Status, IReadOnlyList<double> Ms, long Bytes)
{
    public double Percentile(double p)
    {
        var sorted = Ms.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: status {Status}, {Bytes:N0} bytes, {Ms.Count} requests, p50 {Percentile(50):F1} ms, p95 {Percentile(95):F1} ms, max {Ms.DefaultIfEmpty(double.NaN).Max():F1} ms");

    public static async Task<Latencies> MeasureAsync(HttpClient http, string host, string name, string url, int requests, int warmUp)
    {
        var status = 0;
        long bytes = 0;
        var ms = new List<double>(requests);
        for (var i = 0; i < warmUp + requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Host = host;
            request.Headers.Add(BenchHost.BypassHeader, "1");
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            status = (int)response.StatusCode;
            bytes = body.Length;
            if (i >= warmUp)
            {
                ms.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return new Latencies(name, status, ms, bytes);
    }
}
