using System.Globalization;
namespace Municipal.Events.Occurrences;

/// <summary>
/// An event's schedule said in words, for the editor and the public event page: "Chaque samedi, jusqu'au 26 décembre
/// 2026", "Toutes les 2 semaines, le mardi et le jeudi, 10 fois"; and one occurrence, "samedi 20 juin 2026 de 15 h à 18 h".
/// Pure functions: the texts come from EventsText in the culture given (the current UI culture by default).
/// </summary>
public static class RecurrenceWords
{
    /// <summary>The repetition in words, or null for an event that does not repeat or whose rule cannot be read.</summary>
    public static string? Describe(EventSchedule schedule, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        if (RecurrenceParts.Parse(schedule.Recurrence) is not { } parts)
        {
            return null;
        }

        var days = parts.Weekdays.Count > 0 || parts.Frequency != RepeatFrequency.Weekly
            ? parts.Weekdays
            : [RecurrenceParts.Days.First(d => d.Day == schedule.Start.DayOfWeek).Code];
        var sentence = Frequency(parts, days, culture);
        if (parts.Other.Count > 0)
        {
            sentence += Text(culture, "RecurrenceOther");
        }

        if (parts.Count is { } count)
        {
            sentence += string.Format(culture, Text(culture, "RecurrenceCount"), count);
        }
        else if (parts.Until is { } until)
        {
            sentence += string.Format(culture, Text(culture, "RecurrenceUntil"), until.ToString(Text(culture, "RecurrenceDateFormat"), culture));
        }

        return sentence;
    }

    /// <summary>"samedi 20 juin 2026 de 15 h à 18 h", "à 15 h" without end, the date alone for a whole day (Brussels time).</summary>
    public static string Occurrence(ExpandedOccurrence occurrence, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var start = BrusselsTime.ToLocal(occurrence.StartUtc);
        var day = start.ToString(Text(culture, "OccurrenceDateFormat"), culture);
        if (occurrence.WholeDay)
        {
            return day;
        }

        if (occurrence.EndUtc is not { } endUtc)
        {
            return string.Format(culture, Text(culture, "OccurrenceAt"), day, Hour(start, culture));
        }

        var end = BrusselsTime.ToLocal(endUtc);
        return end.Date == start.Date
            ? string.Format(culture, Text(culture, "OccurrenceFromTo"), day, Hour(start, culture), Hour(end, culture))
            : string.Format(culture, Text(culture, "OccurrenceFromToDay"), day, Hour(start, culture), end.ToString(Text(culture, "OccurrenceDateFormat"), culture), Hour(end, culture));
    }

    private static string Frequency(RecurrenceParts parts, IReadOnlyList<string> days, CultureInfo culture)
    {
        var every = parts.Interval > 1;
        var key = parts.Frequency switch
        {
            RepeatFrequency.Daily => every ? "RecurrenceEveryNDays" : "RecurrenceDaily",
            RepeatFrequency.Weekly when !every && days.Count == 1 && days[0].Length == 2 => "RecurrenceEveryWeekday",
            RepeatFrequency.Weekly => every ? "RecurrenceEveryNWeeks" : "RecurrenceWeekly",
            RepeatFrequency.Monthly => every ? "RecurrenceEveryNMonths" : "RecurrenceMonthly",
            _ => every ? "RecurrenceEveryNYears" : "RecurrenceYearly",
        };
        if (key == "RecurrenceEveryWeekday")
        {
            return string.Format(culture, Text(culture, key), DayName(days[0], culture));
        }

        var sentence = string.Format(culture, Text(culture, key), parts.Interval);
        if (days.Count > 0)
        {
            sentence += string.Format(culture, Text(culture, "RecurrenceOnDays"), List(days.Select(d => DayWithOffset(d, culture)).ToList(), culture));
        }

        return sentence;
    }

    /// <summary>"le mardi", or "le premier samedi" / "le dernier vendredi" for a day with an offset.</summary>
    private static string DayWithOffset(string code, CultureInfo culture)
    {
        var name = DayName(code, culture);
        return RecurrenceParts.OffsetOf(code) is { } offset
            ? string.Format(culture, Text(culture, "RecurrenceNthDay"), Text(culture, "RecurrenceOrdinal" + (offset < 0 ? "Last" : offset.ToString(CultureInfo.InvariantCulture))), name)
            : string.Format(culture, Text(culture, "RecurrenceDay"), name);
    }

    private static string DayName(string code, CultureInfo culture) =>
        culture.DateTimeFormat.GetDayName(RecurrenceParts.DayOf(code) ?? DayOfWeek.Monday);

    /// <summary>"a", "a et b", "a, b et c".</summary>
    private static string List(List<string> items, CultureInfo culture) => items.Count <= 1
        ? string.Concat(items)
        : string.Join(", ", items.Take(items.Count - 1)) + Text(culture, "RecurrenceAnd") + items[^1];

    private static string Hour(DateTimeOffset local, CultureInfo culture) => local.Minute == 0
        ? string.Format(culture, Text(culture, "OccurrenceHour"), local.Hour)
        : string.Format(culture, Text(culture, "OccurrenceHourMinutes"), local.Hour, local.ToString("mm", CultureInfo.InvariantCulture));

    private static string Text(CultureInfo culture, string key) => EventsText.Resources.GetString(key, culture) ?? key;
}
