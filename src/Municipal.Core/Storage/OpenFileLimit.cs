namespace Municipal.Core.Storage;

/// <summary>
/// Warns at start-up when the process may run out of file descriptors: each active SQLite tenant holds about
/// four (database, WAL, shared memory). Running out does not fail gracefully (bench/tenants-results.md).
/// </summary>
public static partial class OpenFileLimit
{
    public const int PerActiveTenant = 4;
    public const int Reserve = 1024;

    /// <summary>The hard limit of open files from /proc/self/limits, or null where there is none to read.</summary>
    public static long? ReadHardLimit(string limitsFile = "/proc/self/limits")
    {
        if (!File.Exists(limitsFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(limitsFile))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hard) ? hard : null;
            }
        }

        return null;
    }

    public static long Needed(int maxActiveTenants) => ((long)maxActiveTenants * PerActiveTenant) + Reserve;

    public static void WarnIfTooLow(ILogger logger, DatabaseProvider provider, int maxActiveTenants)
    {
        if (provider == DatabaseProvider.Sqlite && ReadHardLimit() is { } hard && hard < Needed(maxActiveTenants))
        {
            LogTooLow(logger, hard, Needed(maxActiveTenants), maxActiveTenants);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The open-files limit is {Limit}, below the {Needed} that {MaxActiveTenants} active SQLite tenants may need: raise it (LimitNOFILE) or lower Municipal:MaxActiveTenants")]
    private static partial void LogTooLow(ILogger logger, long limit, long needed, int maxActiveTenants);
}
