namespace Municipal.Core.Display;

/// <summary>
/// The municipalities' time zone (Europe/Brussels), looked up once: every date a person reads (back office, mails,
/// follow-up pages, exports) and every wall-clock time they type (schedules, filters, the nightly jobs) goes through here.
/// The zone is immutable, so one shared instance holds no mutable state; the clock stays with the callers.
/// </summary>
public static class BrusselsTime
{
    public static readonly TimeZoneInfo Zone = Find();

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    /// <summary>The Brussels wall-clock time of an instant.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>The Brussels date of an instant ("today" for the clock's now).</summary>
    public static DateOnly Date(DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>"29/11/2026 à 14:05" in Brussels time.</summary>
    public static string Format(DateTimeOffset utc) =>
        CoreText.Format("ContentDateTime", ToLocal(utc).ToString("dd/MM/yyyy", French), ToLocal(utc).ToString("HH:mm", French));

    /// <summary>The Brussels time of an instant in another format ("dd/MM/yyyy HH:mm" for an export, an ISO date…).</summary>
    public static string Format(DateTimeOffset utc, string format, IFormatProvider culture) => ToLocal(utc).ToString(format, culture);

    /// <summary>The instant of a Brussels wall-clock time (the earlier one when the clocks go back; a skipped hour moves forward).</summary>
    public static DateTimeOffset FromLocal(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        }
        catch (TimeZoneNotFoundException)
        {
            // A system without the time-zone database: Central European time without daylight saving, an hour off in summer at worst.
            return TimeZoneInfo.CreateCustomTimeZone("CET", TimeSpan.FromHours(1), "CET", "CET");
        }
    }
}
