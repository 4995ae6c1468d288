using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Municipal.Events.Occurrences;
using IcalStatus = Ical.Net.EventStatus;

namespace Municipal.Events.Feeds;

/// <summary>
/// One event of a feed: its stable UID (the same for every version and on every site that shows it), its content as
/// its source published it, its absolute address, when that version was published and who proposes it.
/// </summary>
public sealed record FeedEvent(string Uid, EventContent Content, string Url, DateTimeOffset PublishedUtc, string SourceDisplayName);

/// <summary>A calendar to write: its name (X-WR-CALNAME) and its events.</summary>
public sealed record FeedCalendar(string Name, IReadOnlyList<FeedEvent> Events);

/// <summary>
/// Writes an iCalendar document (RFC 5545): one VTIMEZONE Europe/Brussels, one VEVENT per event with its rule (RRULE,
/// EXDATE, RDATE kept, never expanded), and one overriding VEVENT (RECURRENCE-ID, STATUS:CANCELLED) per cancelled
/// occurrence of a recurring event. CRLF line ends, lines folded at 75 octets. A pure function of its arguments:
/// DTSTAMP is the given instant, never the machine's clock.
/// </summary>
public static class CalendarWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const int MaxOctets = 75;

    /// <summary>SEQUENCE counts minutes of publication since this instant: it grows with every new version, the same on every site.</summary>
    private static readonly DateTimeOffset SequenceEpoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Write(FeedCalendar feed, DateTimeOffset stampUtc)
    {
        var calendar = new Calendar { ProductId = "-//Municipal//Agenda//FR", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", feed.Name);
        calendar.AddProperty("X-WR-TIMEZONE", OccurrenceExpander.ZoneId);
        // The zone's rules from the earliest date written (not from the machine's today, Ical.Net's default).
        var earliest = feed.Events.Select(e => e.Content.Schedule.Start).Append(BrusselsTime.ToLocal(stampUtc).DateTime).Min();
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(OccurrenceExpander.ZoneId, earliest.AddYears(-1), includeHistoricalData: false));
        var stamp = new CalDateTime(stampUtc.UtcDateTime);
        foreach (var item in feed.Events)
        {
            var main = Describe(OccurrenceExpander.ToCalendarEvent(item.Content.Schedule), item, stamp);
            var recurring = !string.IsNullOrWhiteSpace(item.Content.Schedule.Recurrence) || item.Content.Schedule.AddedDates is { Count: > 0 };
            if (!recurring && item.Content.StatusOn(DateOnly.FromDateTime(item.Content.Schedule.Start)) == Model.EventStatus.Cancelled)
            {
                main.Status = IcalStatus.Cancelled;
            }

            calendar.Events.Add(main);
            if (recurring)
            {
                foreach (var cancelled in (item.Content.StatusChanges ?? []).Where(s => s.Status == Model.EventStatus.Cancelled))
                {
                    calendar.Events.Add(CancelledOccurrence(item, cancelled.Date, stamp));
                }
            }
        }

        return Fold(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
    }

    /// <summary>
    /// A cancelled repetition as an override (RFC 5545, 3.8.4.4) rather than an EXDATE: a calendar that already holds it
    /// marks it cancelled instead of letting it vanish without a word, and EXDATE keeps meaning what the editor said
    /// ("no repetition that day", never announced).
    /// </summary>
    private static CalendarEvent CancelledOccurrence(FeedEvent item, DateOnly date, CalDateTime stamp)
    {
        var schedule = item.Content.Schedule;
        var start = schedule.AddedDates?.FirstOrDefault(d => DateOnly.FromDateTime(d) == date) is { } added && added != default
            ? added
            : date.ToDateTime(TimeOnly.FromDateTime(schedule.Start));
        var duration = (schedule.End ?? schedule.Start) - schedule.Start;
        var single = schedule with { Start = start, End = schedule.End is null ? null : start + duration, Recurrence = null, ExceptDates = null, AddedDates = null };
        var calendarEvent = Describe(OccurrenceExpander.ToCalendarEvent(single), item, stamp);
        calendarEvent.RecurrenceIdentifier = new RecurrenceIdentifier(calendarEvent.Start!);
        calendarEvent.Status = IcalStatus.Cancelled;
        return calendarEvent;
    }

    private static CalendarEvent Describe(CalendarEvent calendarEvent, FeedEvent item, CalDateTime stamp)
    {
        var content = item.Content;
        calendarEvent.Uid = item.Uid;
        calendarEvent.DtStamp = stamp;
        calendarEvent.LastModified = new CalDateTime(item.PublishedUtc.UtcDateTime);
        calendarEvent.Sequence = Math.Max(0, (int)Math.Min(int.MaxValue, (item.PublishedUtc - SequenceEpoch).TotalMinutes));
        calendarEvent.Summary = content.Title;
        if (!string.IsNullOrWhiteSpace(content.Summary))
        {
            calendarEvent.Description = content.Summary.Trim();
        }

        if (Location(content.Venue) is { } location)
        {
            calendarEvent.Location = location;
        }

        if (content.Venue is { Latitude: { } lat, Longitude: { } lon })
        {
            calendarEvent.GeographicLocation = new GeographicLocation(lat, lon);
        }

        calendarEvent.Url = new Uri(item.Url);
        calendarEvent.Categories = [EventCategories.Label(EventCategories.IsKnown(content.Category) ? content.Category : "autre")];
        return calendarEvent;
    }

    /// <summary>"Salle des fêtes, Rue Haute 12 bte 3, 5000 Namur": the venue's name and address, as a letter would write them.</summary>
    public static string? Location(EventVenue? venue)
    {
        if (venue is null)
        {
            return null;
        }

        var street = string.Join(' ', new[] { venue.Street, venue.Number, string.IsNullOrWhiteSpace(venue.Box) ? null : EventsText.Format("VenueBox", venue.Box) }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        var town = string.Join(' ', new[] { venue.PostalCode, venue.Locality }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var parts = new[] { venue.Name, street, town }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>
    /// Unfolds what the serializer wrote and folds it again at 75 octets of UTF-8 (RFC 5545, 3.1), never inside a
    /// character, with CRLF line ends: a line of accented French must not pass 75 octets though it has fewer characters.
    /// </summary>
    public static string Fold(string text)
    {
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\r\n\t", string.Empty, StringComparison.Ordinal);
        var lines = unfolded.Split("\r\n").Select(l => l.TrimEnd('\r', '\n')).Where(l => l.Length > 0);
        var output = new StringBuilder(text.Length + (text.Length / 64));
        foreach (var line in lines)
        {
            var octets = 0;
            var limit = MaxOctets;
            foreach (var rune in line.EnumerateRunes())
            {
                var size = rune.Utf8SequenceLength;
                if (octets + size > limit)
                {
                    // The continuation line starts with one space, which counts in its 75 octets.
                    output.Append("\r\n ");
                    octets = 0;
                    limit = MaxOctets - 1;
                }

                output.Append(rune.ToString());
                octets += size;
            }

            output.Append("\r\n");
        }

        return output.ToString();
    }
}
