namespace Municipal.Events.Model;

public static class EventTypes
{
    public const string Event = "Event";

    public const string Agenda = "Agenda";

    /// <summary>The tenant's agenda (/agenda) and its agendas (/agenda/&lt;slug&gt;).</summary>
    public const string AgendaPath = "agenda";

    /// <summary>Events live under this path: /evenements/&lt;slug&gt;.</summary>
    public const string EventPath = "evenements";

    /// <summary>Open-ended rules are expanded this far ahead, no further.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(731);
}

/// <summary>
/// An event: what, when (Brussels wall-clock times, with its recurrence), where, by whom, for whom, at what price.
/// Everything here is public once published; <see cref="Shared"/> lets other municipalities show it.
/// </summary>
public sealed record EventContent(
    string Title,
    string? Summary,
    RichText Body,
    EventSchedule Schedule,
    string Category,
    ImagePart? Image = null,
    TaxonomyPart? Taxonomy = null,
    EventVenue? Venue = null,
    string? OnlineUrl = null,
    EventOrganiser? Organiser = null,
    EventAdmission? Admission = null,
    bool Accessible = false,
    bool Shared = false,
    IReadOnlyList<string>? Agendas = null,
    IReadOnlyList<OccurrenceStatus>? StatusChanges = null,
    SeoPart? Seo = null)
{
    /// <summary>The status of the occurrence on <paramref name="date"/> (Brussels date): scheduled unless the editor said otherwise.</summary>
    public EventStatus StatusOn(DateOnly date) =>
        StatusChanges?.FirstOrDefault(s => s.Date == date)?.Status ?? EventStatus.Scheduled;
}

/// <summary>
/// When an event takes place, in Brussels wall-clock time (kind Unspecified). <see cref="End"/> is the end of the first
/// occurrence (each repetition lasts as long); null with <see cref="OpenEnd"/> when no end is announced.
/// </summary>
/// <param name="Recurrence">An RFC 5545 RRULE value without the "RRULE:" prefix ("FREQ=WEEKLY;BYDAY=SA;COUNT=4"), or null.</param>
/// <param name="ExceptDates">Brussels dates on which a repetition does not take place (EXDATE).</param>
/// <param name="AddedDates">Extra starts, Brussels wall-clock time (RDATE).</param>
public sealed record EventSchedule(
    DateTime Start,
    DateTime? End,
    bool WholeDay = false,
    bool OpenEnd = false,
    string? Recurrence = null,
    IReadOnlyList<DateOnly>? ExceptDates = null,
    IReadOnlyList<DateTime>? AddedDates = null);

/// <summary>Where: a named place and its address, with coordinates for the map link.</summary>
public sealed record EventVenue(
    string? Name,
    string? Street = null,
    string? Number = null,
    string? Box = null,
    string? PostalCode = null,
    string? Locality = null,
    double? Latitude = null,
    double? Longitude = null);

/// <summary>Who organises it, and how to reach them.</summary>
public sealed record EventOrganiser(string? Name, string? Email = null, string? Phone = null);

/// <summary>What it costs: free entry, or a price said in words ("8 €, 5 € pour les enfants"), and where to book.</summary>
public sealed record EventAdmission(bool Free, string? Price = null, string? TicketUrl = null);

/// <summary>The status of one occurrence (by its Brussels date) when it is not "scheduled".</summary>
public sealed record OccurrenceStatus(DateOnly Date, EventStatus Status);

/// <summary>The status of an occurrence, as schema.org names them (EventScheduled, EventCancelled...).</summary>
public enum EventStatus
{
    Scheduled = 0,
    Cancelled = 1,
    Postponed = 2,
    Full = 3,
}

/// <summary>The event categories, by slug (recipes and filters use the slug; labels are in EventsText, "Category_&lt;slug&gt;").</summary>
public static class EventCategories
{
    public static readonly IReadOnlyList<string> All =
    [
        "concert", "exposition", "conference", "spectacle", "cinema", "sport",
        "fete", "marche", "atelier", "visite", "reunion-publique", "autre",
    ];

    public static bool IsKnown(string? slug) => slug is not null && All.Contains(slug, StringComparer.Ordinal);

    public static string Label(string slug) => EventsText.Get("Category_" + slug);
}
