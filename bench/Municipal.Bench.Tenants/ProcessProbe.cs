using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Municipal.Bench.Tenants;

/// <summary>What the process holds at one moment: resident memory, managed heap, handles, threads.</summary>
internal sealed record MemorySnapshot(long RssBytes, long PeakRssBytes, long GcHeapBytes, long GcCommittedBytes, int OpenFiles, int Threads, long MethodsJitted)
{
    public string Format() => string.Create(
        CultureInfo.InvariantCulture,
        $"RSS {Mib(RssBytes),8:F1} MiB (peak {Mib(PeakRssBytes):F1}) | GC heap {Mib(GcHeapBytes),7:F1} MiB (committed {Mib(GcCommittedBytes):F1}) | open fds {OpenFiles} | threads {Threads} | jitted {MethodsJitted}");

    public static double Mib(long bytes) => bytes / 1024.0 / 1024.0;
}

internal static partial class ProcessProbe
{
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

    /// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID); zero where the clock is not there.</summary>
    public static TimeSpan ThreadCpuTime()
    {
        try
        {
            return ClockGetTime(3, out var time) == 0 ? TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100) : TimeSpan.Zero;
        }
        catch (DllNotFoundException)
        {
            return TimeSpan.Zero;
        }
        catch (EntryPointNotFoundException)
        {
            return TimeSpan.Zero;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>
    /// A snapshot. Reading /proc needs a file descriptor: when the process has none left (the limit of open
    /// files is reached), the fields that need one read -1 instead of failing the run.
    /// </summary>
    public static MemorySnapshot Take()
    {
        var (rss, hwm) = Try(ReadStatus, (-1L, -1L));
        var info = GC.GetGCMemoryInfo();
        var threads = Try(() =>
        {
            using var process = Process.GetCurrentProcess();
            return process.Threads.Count;
        }, -1);
        return new MemorySnapshot(rss, hwm, GC.GetTotalMemory(forceFullCollection: false), info.TotalCommittedBytes, Try(CountOpenFiles, -1), threads, System.Runtime.JitInfo.GetCompiledMethodCount());
    }

    private static T Try<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Process.Threads reports a process it cannot read (EMFILE) as "exited".
            return fallback;
        }
    }

    /// <summary>A blocking, compacting collection of every generation, finalizers run, then again: what remains is retained.</summary>
    public static void FullCollect()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>The first three fields of /proc/loadavg: other work on the machine skews the timings.</summary>
    public static string LoadAverage() =>
        Try(() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?", "?");

    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>VmRSS and VmHWM of /proc/self/status, in bytes (0 where the file does not exist).</summary>
    private static (long Rss, long Hwm) ReadStatus()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return (0, 0);
        }

        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = ParseKb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = ParseKb(line);
            }
        }

        return (rss, hwm);
    }

    private static long ParseKb(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static int CountOpenFiles()
    {
        const string fds = "/proc/self/fd";
        return Directory.Exists(fds) ? Directory.EnumerateFileSystemEntries(fds).Count() : -1;
    }

    /// <summary>Open descriptors grouped by what they point at ("tenant.db", "tenant.db-wal", "socket", ...), largest first.</summary>
    public static IReadOnlyList<(string Kind, int Count)> OpenFilesByKind() => Try(CountOpenFilesByKind, []);

    private static IReadOnlyList<(string Kind, int Count)> CountOpenFilesByKind()
    {
        const string fds = "/proc/self/fd";
        if (!Directory.Exists(fds))
        {
            return [];
        }

        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(fds))
        {
            string kind;
            try
            {
                var target = new FileInfo(entry).LinkTarget ?? "?";
                kind = target.StartsWith('/') ? Path.GetFileName(target) : target.Split(':')[0];
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        return kinds.OrderByDescending(k => k.Value).Select(k => (k.Key, k.Value)).ToList();
    }
}
