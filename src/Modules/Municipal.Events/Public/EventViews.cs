namespace Municipal.Events.Public;

/// <summary>
/// The event page (EventPublic.liquid). <see cref="When"/> is the date of a single event in words; a recurring event
/// lists its <see cref="NextDates"/> instead. <see cref="Notice"/> says at the top that a single event is cancelled,
/// postponed or full. <see cref="JsonLd"/> is the schema.org Event, already escaped for a script element.
/// </summary>
public sealed record EventPageView(
    string? Notice,
    string? Source,
    string? ImageSrc,
    string? ImageAlt,
    string? Summary,
    string BodyHtml,
    string? When,
    string? WhenIso,
    IReadOnlyList<EventDateView> NextDates,
    string Category,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Topics,
    EventVenueView? Venue,
    string? OnlineUrl,
    EventOrganiserView? Organiser,
    string? Price,
    string? TicketUrl,
    bool Accessible,
    string? CalendarUrl,
    string JsonLd);

/// <summary>One of the next dates: in words, for machines, and its status when it is not scheduled.</summary>
public sealed record EventDateView(string Text, string IsoDate, string? Status);

/// <summary>The venue: its name, its address lines, and the map link when it has coordinates.</summary>
public sealed record EventVenueView(string? Name, string? Street, string? Locality, string? MapUrl);

/// <summary>Who organises, and how to reach them.</summary>
public sealed record EventOrganiserView(string? Name, string? Email, string? Phone);
