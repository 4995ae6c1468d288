namespace Municipal.Core.Display;

/// <summary>Dates as readers of the tenant's culture and machines (datetime attributes, feeds) want them.</summary>
public static class DisplayDates
{
    /// <summary>"20 novembre 2026" in fr-BE.</summary>
    public static string Readable(DateTimeOffset? date) => date?.ToString("d MMMM yyyy", CultureInfo.CurrentCulture) ?? string.Empty;

    public static string Iso(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
