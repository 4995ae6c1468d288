using System.Globalization;
namespace Municipal.Events.Occurrences;

/// <summary>How often a simple rule repeats (RRULE FREQ).</summary>
public enum RepeatFrequency
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// <summary>
/// An RRULE taken apart: frequency, interval, weekdays, end (count or last day), and the parts this record does not
/// model, kept as typed (<see cref="Other"/>: BYMONTHDAY, BYSETPOS...). Read by the editor's controls and by
/// <see cref="RecurrenceWords"/>; <see cref="ToRule"/> writes the RRULE value back.
/// </summary>
/// <param name="Weekdays">Two-letter RRULE days ("MO", "SA"), with their offset when one is given ("1SA", "-1FR").</param>
public sealed record RecurrenceParts(
    RepeatFrequency Frequency,
    int Interval,
    IReadOnlyList<string> Weekdays,
    int? Count,
    DateOnly? Until,
    IReadOnlyList<string> Other)
{
    /// <summary>The RRULE days, Monday first, as <see cref="DayOfWeek"/> names them.</summary>
    public static readonly IReadOnlyList<(string Code, DayOfWeek Day)> Days =
    [
        ("MO", DayOfWeek.Monday), ("TU", DayOfWeek.Tuesday), ("WE", DayOfWeek.Wednesday), ("TH", DayOfWeek.Thursday),
        ("FR", DayOfWeek.Friday), ("SA", DayOfWeek.Saturday), ("SU", DayOfWeek.Sunday),
    ];

    /// <summary>
    /// True when plain controls can say it: a frequency, an interval, plain weekdays of a weekly rule, a count or a last day.
    /// </summary>
    public bool IsSimple => Other.Count == 0 && (Weekdays.Count == 0 || (Frequency == RepeatFrequency.Weekly && Weekdays.All(d => d.Length == 2)));

    /// <summary>The parts of an RRULE value (with or without "RRULE:"), or null when it is not one this record reads.</summary>
    public static RecurrenceParts? Parse(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            return null;
        }

        var value = rule.Trim();
        if (value.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            value = value[6..];
        }

        RepeatFrequency? frequency = null;
        var interval = 1;
        IReadOnlyList<string> weekdays = [];
        int? count = null;
        DateOnly? until = null;
        var other = new List<string>();
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            var key = part[..equals].ToUpperInvariant();
            var text = part[(equals + 1)..].ToUpperInvariant();
            switch (key)
            {
                case "FREQ":
                    frequency = text switch
                    {
                        "DAILY" => RepeatFrequency.Daily,
                        "WEEKLY" => RepeatFrequency.Weekly,
                        "MONTHLY" => RepeatFrequency.Monthly,
                        "YEARLY" => RepeatFrequency.Yearly,
                        _ => null,
                    };
                    if (frequency is null)
                    {
                        return null;
                    }

                    break;
                case "INTERVAL" when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1:
                    interval = n;
                    break;
                case "COUNT" when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c >= 1:
                    count = c;
                    break;
                case "UNTIL" when text.Length >= 8 && DateOnly.TryParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                    until = day;
                    break;
                case "BYDAY" when text.Split(',').All(IsDay):
                    weekdays = text.Split(',');
                    break;
                case "WKST":
                    break;
                case "INTERVAL" or "COUNT" or "UNTIL" or "BYDAY":
                    return null;
                default:
                    other.Add(key + "=" + text);
                    break;
            }
        }

        return frequency is { } f ? new RecurrenceParts(f, interval, weekdays, count, until, other) : null;
    }

    /// <summary>
    /// The RRULE value ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=10"). The last day is a date for a whole-day event,
    /// else its last second in UTC (RFC 5545 wants UTC beside a zoned start).
    /// </summary>
    public string ToRule(bool wholeDay = false)
    {
        var parts = new List<string> { "FREQ=" + Frequency.ToString().ToUpperInvariant() };
        if (Interval > 1)
        {
            parts.Add("INTERVAL=" + Interval.ToString(CultureInfo.InvariantCulture));
        }

        if (Weekdays.Count > 0)
        {
            parts.Add("BYDAY=" + string.Join(',', Weekdays));
        }

        parts.AddRange(Other);
        if (Count is { } count)
        {
            parts.Add("COUNT=" + count.ToString(CultureInfo.InvariantCulture));
        }
        else if (Until is { } until)
        {
            // The whole last day counts: a start at any hour that day is still in.
            parts.Add("UNTIL=" + until.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (wholeDay ? string.Empty : "T235959Z"));
        }

        return string.Join(';', parts);
    }

    public static DayOfWeek? DayOf(string code) =>
        Days.FirstOrDefault(d => d.Code == code[^2..]) is { Code: not null } found ? found.Day : null;

    /// <summary>The offset of a day ("1SA": 1, "-1FR": -1), or null for a plain day.</summary>
    public static int? OffsetOf(string code) =>
        code.Length > 2 && int.TryParse(code[..^2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset) ? offset : null;

    private static bool IsDay(string code) =>
        code.Length >= 2 && Days.Any(d => d.Code == code[^2..]) && (code.Length == 2 || OffsetOf(code) is >= -5 and <= 5 and not 0);
}
