using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Municipal.Bench.Render;

/// <summary>What one wrk run reported, from its text output (<c>--latency</c> gives the percentiles).</summary>
public sealed record WrkResult(
    double RequestsPerSecond,
    long Requests,
    double DurationSeconds,
    TimeSpan LatencyAverage,
    TimeSpan LatencyP50,
    TimeSpan LatencyP99,
    long Non2xx3xx,
    string SocketErrors,
    TimeSpan WrkCpu,
    string RawOutput);

/// <summary>Runs the wrk executable against the loopback address and parses what it prints.</summary>
public static partial class Wrk
{
    public static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "wrk"))
            .FirstOrDefault(File.Exists);

    public static async Task<string> VersionAsync(string wrk)
    {
        // "wrk -v" prints its version and usage, and exits with 1.
        var (output, _, _) = await RunAsync(wrk, ["-v"], TimeSpan.FromSeconds(10), CancellationToken.None);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "wrk (version unknown)";
    }

    public static async Task<WrkResult> RunAsync(
        string wrk, Uri url, IReadOnlyDictionary<string, string> headers, int threads, int connections, int seconds, CancellationToken cancellationToken)
    {
        var args = new List<string> { "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency", "--timeout", "10s" };
        foreach (var (name, value) in headers)
        {
            args.Add("-H");
            args.Add($"{name}: {value}");
        }

        args.Add(url.ToString());

        // wrk is our child: once it has been waited for, its CPU time is in this process's cutime/cstime.
        var childCpuBefore = ChildrenCpu();
        var (output, error, exitCode) = await RunAsync(wrk, args, TimeSpan.FromSeconds(seconds + 30), cancellationToken);
        var wrkCpu = ChildrenCpu() - childCpuBefore;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {exitCode}:\n{output}\n{error}");
        }

        return Parse(output, wrkCpu);
    }

    public static WrkResult Parse(string output, TimeSpan wrkCpu = default)
    {
        var latency = LatencyLine().Match(output);
        var p50 = PercentileLine("50").Match(output);
        var p99 = PercentileLine("99").Match(output);
        var total = TotalLine().Match(output);
        var rate = RateLine().Match(output);
        if (!latency.Success || !p50.Success || !p99.Success || !total.Success || !rate.Success)
        {
            throw new FormatException("Unexpected wrk output (was --latency given?):\n" + output);
        }

        var non2xx = Non2xxLine().Match(output);
        var socket = SocketLine().Match(output);
        return new WrkResult(
            double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            ParseTime(total.Groups[2].Value).TotalSeconds,
            ParseTime(latency.Groups[1].Value),
            ParseTime(p50.Groups[1].Value),
            ParseTime(p99.Groups[1].Value),
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            socket.Success ? socket.Groups[1].Value.Trim() : "none",
            wrkCpu,
            output);
    }

    /// <summary>wrk's time format: a number and us, ms, s, m or h.</summary>
    internal static TimeSpan ParseTime(string text)
    {
        var match = TimeValue().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"Not a wrk time: {text}");
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var microseconds = match.Groups[2].Value switch
        {
            "us" => number,
            "ms" => number * 1e3,
            "s" => number * 1e6,
            "m" => number * 60e6,
            "h" => number * 3600e6,
            var unit => throw new FormatException($"Unknown wrk time unit {unit}"),
        };
        return TimeSpan.FromMicroseconds(microseconds);
    }

    private static async Task<(string Output, string Error, int ExitCode)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        return (await output, await error, process.ExitCode);
    }

    /// <summary>CPU time (user + system) of this process's children that have been waited for, from /proc/self/stat.</summary>
    private static TimeSpan ChildrenCpu()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // Fields after the command name "(...)": field 3 is the state; cutime and cstime are fields 16 and 17.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux.
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    [GeneratedRegex(@"^\s*Latency\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    private static Regex PercentileLine(string percent) => new($@"^\s*{percent}%\s+(\S+)", RegexOptions.Multiline);

    [GeneratedRegex(@"^\s*(\d+) requests in (\S+?),", RegexOptions.Multiline)]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RateLine();

    [GeneratedRegex(@"^\s*Non-2xx or 3xx responses:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"^\s*Socket errors:(.*)$", RegexOptions.Multiline)]
    private static partial Regex SocketLine();

    [GeneratedRegex(@"^([\d.]+)(us|ms|s|m|h)$")]
    private static partial Regex TimeValue();
}
