using System.Globalization;

namespace Municipal.Bench.Render;

/// <summary>
/// CPU time of the whole machine from /proc/stat: what is busy (user, nice, system, irq, softirq) and what
/// the hypervisor took (steal). With this process's and wrk's CPU time it shows what other processes used.
/// </summary>
public readonly record struct MachineCpu(TimeSpan Busy, TimeSpan Idle, TimeSpan Steal)
{
    public static MachineCpu Read()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already in user).
            static TimeSpan Of(long t) => TimeSpan.FromSeconds(t / 100.0); // USER_HZ is 100 on Linux.
            return new MachineCpu(Of(ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6]), Of(ticks[3] + ticks[4]), Of(ticks.Length > 7 ? ticks[7] : 0));
        }
        catch (IOException)
        {
            return default;
        }
    }

    public static MachineCpu operator -(MachineCpu after, MachineCpu before) =>
        new(after.Busy - before.Busy, after.Idle - before.Idle, after.Steal - before.Steal);

    /// <summary>Busy share of all cores over the interval, from 0 to 1.</summary>
    public double BusyShare => Busy + Idle + Steal <= TimeSpan.Zero ? 0 : Busy / (Busy + Idle + Steal);

    /// <summary>Samples the machine for a while: how busy it is before the benchmark puts any load on it.</summary>
    public static async Task<MachineCpu> SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var before = Read();
        await Task.Delay(interval, cancellationToken);
        return Read() - before;
    }
}

/// <summary>
/// CPU time of every other process (and kernel thread) from /proc/[pid]/stat, to tell other people's load
/// from kernel work that no process is charged for. Processes that start or end during a run are missed.
/// </summary>
public sealed class OtherProcesses
{
    private readonly Dictionary<int, long> ticks;

    private OtherProcesses(Dictionary<int, long> ticks) => this.ticks = ticks;

    public static OtherProcesses Snapshot()
    {
        var self = Environment.ProcessId;
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == self)
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Gone meanwhile, or not readable.
            }
        }

        return new OtherProcesses(ticks);
    }

    /// <summary>CPU time used between two snapshots by the processes present in both.</summary>
    public static TimeSpan operator -(OtherProcesses after, OtherProcesses before) =>
        TimeSpan.FromSeconds(after.ticks.Sum(p => before.ticks.TryGetValue(p.Key, out var then) && p.Value >= then ? p.Value - then : 0) / 100.0);
}
