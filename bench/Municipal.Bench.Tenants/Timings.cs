namespace Municipal.Bench.Tenants;

/// <summary>Durations in milliseconds, with nearest-rank percentiles.</summary>
internal sealed class Timings
{
    private readonly List<double> _values = [];

    public int Count => _values.Count;

    public void Add(double milliseconds) => _values.Add(milliseconds);

    public double Mean => _values.Count == 0 ? double.NaN : _values.Average();

    public double Max => _values.Count == 0 ? double.NaN : _values.Max();

    public double First => _values.Count == 0 ? double.NaN : _values[0];

    public double Percentile(double p)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Mean of the values in [from, to) (by order of arrival): shows whether later items cost more.</summary>
    public double MeanOfRange(int from, int to) => to <= from ? double.NaN : _values.Skip(from).Take(to - from).Average();
}
