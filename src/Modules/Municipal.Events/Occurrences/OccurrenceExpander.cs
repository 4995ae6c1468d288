using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Municipal.Events.Occurrences;

/// <summary>One occurrence of an event: UTC instants, its Brussels date (what statuses are keyed on) and its status.</summary>
public sealed record ExpandedOccurrence(DateTimeOffset StartUtc, DateTimeOffset? EndUtc, bool WholeDay, DateOnly Date, EventStatus Status);

/// <summary>
/// Expands an event's schedule (RRULE, EXDATE, RDATE) into occurrences with Ical.Net, in Brussels time. Used when an
/// event is published (the occurrence index, the shared catalogue) and by the editor's preview, never by a public page.
/// </summary>
public static class OccurrenceExpander
{
    public const string ZoneId = "Europe/Brussels";

    /// <summary>An event never yields more rows than this (a daily rule over the whole window stays under it).</summary>
    public const int MaxOccurrences = 1200;

    /// <summary>How far back occurrences of a long-running rule are kept (past events stay findable by date for a year).</summary>
    public static readonly TimeSpan PastWindow = TimeSpan.FromDays(366);

    /// <summary>
    /// The occurrences from a year before <paramref name="nowUtc"/> up to the horizon (two years after it).
    /// Throws <see cref="ScheduleException"/> for a schedule that cannot be expanded.
    /// </summary>
    public static IReadOnlyList<ExpandedOccurrence> Expand(EventContent content, DateTimeOffset nowUtc) =>
        Expand(content, nowUtc - PastWindow, nowUtc + EventTypes.Horizon, MaxOccurrences);

    public static IReadOnlyList<ExpandedOccurrence> Expand(EventContent content, DateTimeOffset fromUtc, DateTimeOffset toUtc, int max)
    {
        var schedule = content.Schedule;
        ScheduleRules.Check(schedule);
        var calendarEvent = ToCalendarEvent(schedule);
        var results = new List<ExpandedOccurrence>();
        var from = ToCal(BrusselsTime.ToLocal(fromUtc).DateTime, schedule.WholeDay);
        foreach (var occurrence in calendarEvent.GetOccurrences(from))
        {
            var start = occurrence.Period.StartTime;
            var startUtc = Utc(start);
            if (startUtc >= toUtc || results.Count >= max)
            {
                break;
            }

            var end = schedule.OpenEnd || (schedule.End is null && !schedule.WholeDay) ? null : occurrence.Period.EffectiveEndTime;
            var date = new DateOnly(start.Year, start.Month, start.Day);
            results.Add(new ExpandedOccurrence(startUtc, end is null ? null : Utc(end), schedule.WholeDay, date, content.StatusOn(date)));
        }

        return results;
    }

    /// <summary>The event as iCalendar sees it (DTSTART, DTEND, RRULE, EXDATE, RDATE in the Brussels zone); also what the .ics feeds write.</summary>
    public static CalendarEvent ToCalendarEvent(EventSchedule schedule)
    {
        var calendarEvent = new CalendarEvent { Start = ToCal(schedule.Start, schedule.WholeDay) };
        if (schedule.WholeDay)
        {
            // DTEND of a whole-day event is the day after its last day (RFC 5545, 3.6.1).
            var lastDay = (schedule.End ?? schedule.Start).Date;
            calendarEvent.End = ToCal(lastDay.AddDays(1), wholeDay: true);
        }
        else if (schedule.End is { } end && !schedule.OpenEnd)
        {
            calendarEvent.End = ToCal(end, wholeDay: false);
        }

        if (!string.IsNullOrWhiteSpace(schedule.Recurrence))
        {
            calendarEvent.RecurrenceRule = ScheduleRules.ParseRule(schedule.Recurrence);
        }

        foreach (var date in schedule.ExceptDates ?? [])
        {
            calendarEvent.ExceptionDates.Add(schedule.WholeDay
                ? new CalDateTime(date.Year, date.Month, date.Day)
                : ToCal(date.ToDateTime(TimeOnly.FromDateTime(schedule.Start)), wholeDay: false));
        }

        foreach (var added in schedule.AddedDates ?? [])
        {
            calendarEvent.RecurrenceDates.Add(ToCal(added, schedule.WholeDay));
        }

        return calendarEvent;
    }

    private static CalDateTime ToCal(DateTime local, bool wholeDay) => wholeDay
        ? new CalDateTime(local.Year, local.Month, local.Day)
        : new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, ZoneId);

    /// <summary>A floating date (whole day) is midnight in Brussels; a zoned time converts as Ical.Net converts it.</summary>
    private static DateTimeOffset Utc(CalDateTime value) => value.HasTime
        ? new DateTimeOffset(DateTime.SpecifyKind(value.AsUtc, DateTimeKind.Utc))
        : BrusselsTime.FromLocal(new DateOnly(value.Year, value.Month, value.Day), TimeOnly.MinValue);
}
