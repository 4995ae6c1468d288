using System.Globalization;

namespace Municipal.Bench.Render;

/// <summary>The command line: <c>[--duration 10s] [--warmup 10s] [--connections 32] [--threads 2] [--path /demarches/carte-identite] [--wait-quiet 0s]</c>.</summary>
public sealed record BenchOptions(int DurationSeconds, int WarmupSeconds, int Connections, int Threads, string Path, int WaitQuietSeconds)
{
    public static BenchOptions Default { get; } = new(10, 10, 32, 2, "/demarches/carte-identite", 0);

    public static string Usage =>
        "usage: dotnet run -c Release --project bench/Municipal.Bench.Render -- " +
        "[--duration 10s] [--warmup 10s] [--connections 32] [--threads 2] [--path /demarches/carte-identite] [--wait-quiet 0s]";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                throw new ArgumentException(Usage);
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.\n{Usage}");
            }

            var value = args[++i];
            options = name switch
            {
                "--duration" => options with { DurationSeconds = ParseSeconds(name, value, minimum: 1) },
                "--warmup" => options with { WarmupSeconds = ParseSeconds(name, value, minimum: 0) },
                "--wait-quiet" => options with { WaitQuietSeconds = ParseSeconds(name, value, minimum: 0) },
                "--connections" => options with { Connections = ParseCount(name, value, 1, 10_000) },
                "--threads" => options with { Threads = ParseCount(name, value, 1, 256) },
                "--path" => options with { Path = value.StartsWith('/') ? value : throw new ArgumentException($"--path must start with '/': {value}") },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        if (options.Connections < options.Threads)
        {
            throw new ArgumentException("--connections must be at least --threads (wrk gives each thread its share of connections).");
        }

        return options;
    }

    /// <summary>"10s", "2m" or a bare number of seconds; at most ten minutes, so a run always ends.</summary>
    private static int ParseSeconds(string name, string value, int minimum)
    {
        var (number, factor) = value switch
        {
            _ when value.EndsWith('s') => (value[..^1], 1),
            _ when value.EndsWith('m') => (value[..^1], 60),
            _ => (value, 1),
        };
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n * factor < minimum || n * factor > 600)
        {
            throw new ArgumentException($"{name} takes a duration such as 10s or 1m, from {minimum}s to 10m: {value}");
        }

        return n * factor;
    }

    private static int ParseCount(string name, string value, int minimum, int maximum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum && n <= maximum
            ? n
            : throw new ArgumentException($"{name} takes a number from {minimum} to {maximum}: {value}");
}
