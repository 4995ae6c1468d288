using System.Globalization;

namespace Municipal.Events.Public;

/// <summary>
/// An occurrence said in words, in Brussels time and the reader's culture: "samedi 20 juin 2026 de 15 h à 18 h",
/// "samedi 20 juin 2026, toute la journée", "à partir de 15 h", "du … au …". A whole-day end is exclusive (midnight
/// after the last day), as the occurrence index keeps it.
/// </summary>
public static class EventDates
{
    /// <summary>"samedi 20 juin 2026".</summary>
    public static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"15 h", "15 h 30".</summary>
    public static string Time(DateTimeOffset utc)
    {
        var local = BrusselsTime.ToLocal(utc);
        return local.Minute == 0
            ? EventsText.Format("EventPageTimeHour", local.Hour)
            : EventsText.Format("EventPageTimeHourMinute", local.Hour, local.Minute.ToString("00", CultureInfo.InvariantCulture));
    }

    /// <summary>The whole phrase of the event page: the day(s) and the hours.</summary>
    public static string Phrase(DateTimeOffset startUtc, DateTimeOffset? endUtc, bool wholeDay)
    {
        var first = BrusselsTime.Date(startUtc);
        if (wholeDay)
        {
            var last = LastDay(startUtc, endUtc);
            return last > first
                ? EventsText.Format("EventPageDateDays", Day(first), Day(last))
                : EventsText.Format("EventPageDateWholeDay", Day(first));
        }

        if (endUtc is not { } end || end <= startUtc)
        {
            return EventsText.Format("EventPageDateOpenEnd", Day(first), Time(startUtc));
        }

        var endDay = BrusselsTime.Date(end);
        return endDay == first
            ? EventsText.Format("EventPageDateSameDay", Day(first), Time(startUtc), Time(end))
            : EventsText.Format("EventPageDateMultiDay", Day(first), Time(startUtc), Day(endDay), Time(end));
    }

    /// <summary>The hours under a day's heading in the agenda: "de 15 h à 18 h", "toute la journée", "à partir de 15 h".</summary>
    public static string Hours(DateTimeOffset startUtc, DateTimeOffset? endUtc, bool wholeDay)
    {
        var first = BrusselsTime.Date(startUtc);
        if (wholeDay)
        {
            var last = LastDay(startUtc, endUtc);
            return last > first ? EventsText.Format("AgendaPageHoursDaysUntil", Day(last)) : EventsText.Get("AgendaPageHoursWholeDay");
        }

        if (endUtc is not { } end || end <= startUtc)
        {
            return EventsText.Format("AgendaPageHoursFrom", Time(startUtc));
        }

        var endDay = BrusselsTime.Date(end);
        return endDay == first
            ? EventsText.Format("AgendaPageHoursFromTo", Time(startUtc), Time(end))
            : EventsText.Format("AgendaPageHoursUntil", Time(startUtc), Day(endDay), Time(end));
    }

    /// <summary>An instant with its Brussels offset, as schema.org and datetime attributes want it (2026-06-20T15:00:00+02:00).</summary>
    public static string Iso(DateTimeOffset utc, bool wholeDay) => wholeDay
        ? BrusselsTime.Date(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : BrusselsTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The start and end of an event's first occurrence from its schedule (Brussels wall-clock times).</summary>
    public static (DateTimeOffset StartUtc, DateTimeOffset? EndUtc) FirstOccurrence(EventSchedule schedule)
    {
        var start = Instant(schedule.WholeDay ? schedule.Start.Date : schedule.Start);
        if (schedule.WholeDay)
        {
            return (start, Instant((schedule.End ?? schedule.Start).Date.AddDays(1)));
        }

        return (start, schedule.OpenEnd || schedule.End is null ? null : Instant(schedule.End.Value));
    }

    private static DateTimeOffset Instant(DateTime local) =>
        BrusselsTime.FromLocal(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));

    private static DateOnly LastDay(DateTimeOffset startUtc, DateTimeOffset? endUtc)
    {
        var first = BrusselsTime.Date(startUtc);
        if (endUtc is not { } end)
        {
            return first;
        }

        var last = BrusselsTime.Date(end).AddDays(-1);
        return last < first ? first : last;
    }
}
