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
