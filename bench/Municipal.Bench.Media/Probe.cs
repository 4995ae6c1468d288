using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Municipal.Bench.Media;

/// <summary>Process-wide readings: CPU time, resident memory, managed heap, load average.</summary>
internal static partial class Probe
{
    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Process.PeakWorkingSet64: the high-water mark of resident memory since the process started (VmHWM).</summary>
    public static long PeakRss()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>The first three fields of /proc/loadavg: other work on the machine skews the timings.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>MemTotal of /proc/meminfo, in GiB (0 where there is none).</summary>
    public static double MemoryGib()
    {
        const string meminfo = "/proc/meminfo";
        if (!File.Exists(meminfo))
        {
            return 0;
        }

        var line = File.ReadLines(meminfo).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) ?? "MemTotal: 0 kB";
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    /// <summary>A blocking, compacting collection of every generation, finalizers run (they free SkiaSharp's native pixels too).</summary>
    public static void FullCollect()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>Asks glibc to give freed heap pages back to the system; false where there is no glibc.</summary>
    public static bool TrimNativeHeap()
    {
        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    public static double Mib(long bytes) => bytes / 1024.0 / 1024.0;
}

/// <summary>
/// Polls the managed heap (GC.GetTotalMemory(false): live objects and garbage not yet collected) and resident
/// memory (Environment.WorkingSet: VmRSS) every few milliseconds on a thread of its own, and keeps their maxima.
/// </summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peakHeap;
    private long _peakRss;

    public PeakSampler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "peak sampler" };
        _thread.Start();
    }

    public (long Heap, long Rss) Peaks => (Interlocked.Read(ref _peakHeap), Interlocked.Read(ref _peakRss));

    /// <summary>Starts a new window: the maxima so far are forgotten.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _peakHeap, GC.GetTotalMemory(false));
        Interlocked.Exchange(ref _peakRss, Environment.WorkingSet);
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Run()
    {
        while (!_stop)
        {
            Max(ref _peakHeap, GC.GetTotalMemory(false));
            Max(ref _peakRss, Environment.WorkingSet);
            Thread.Sleep(5);
        }
    }

    private static void Max(ref long field, long value)
    {
        var current = Interlocked.Read(ref field);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref field, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
