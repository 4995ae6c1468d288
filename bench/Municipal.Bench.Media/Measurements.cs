namespace Municipal.Bench.Media;

/// <summary>What one upload (or refusal) cost, process-wide, between a full GC before it and its end.</summary>
internal sealed record UploadCost(
    double WallMs,
    double CpuMs,
    long AllocatedBytes,
    long PeakHeapGrowth,
    long PeakRssGrowth,
    long RssAfterGrowth,
    long WrittenBytes,
    int Files,
    string Outcome);

/// <summary>The runs of one input and the readings around them.</summary>
internal sealed class Series(TestImage image, string path, int batch = 1)
{
    /// <summary>Uploads per run: 1, or a batch sent at once (then a run's figures are the batch's).</summary>
    public int Batch { get; } = batch;

    public TestImage Image { get; } = image;

    /// <summary>"service" (MediaLibrary.UploadAsync in-process) or "HTTP" (POST /admin/medias, signed in).</summary>
    public string Path { get; } = path;

    public List<UploadCost> Runs { get; } = [];

    /// <summary>Process.PeakWorkingSet64 (VmHWM) when the series ended: the high-water mark of the whole run so far.</summary>
    public long PeakWorkingSetAfter { get; set; }

    public double Wall(double p) => Percentile(Runs.Select(r => r.WallMs), p);

    public double Mean(Func<UploadCost, double> value) => Runs.Count == 0 ? double.NaN : Runs.Average(value);

    public long Max(Func<UploadCost, long> value) => Runs.Count == 0 ? 0 : Runs.Max(value);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
