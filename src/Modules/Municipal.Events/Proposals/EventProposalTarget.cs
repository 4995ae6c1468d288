using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Municipal.Admin;
using Municipal.Core.Modules;
using Municipal.Core.Storage;

namespace Municipal.Events.Proposals;

/// <summary>
/// A citizen's proposal becomes a draft Event when an agent accepts the request: made from the mapped answers only,
/// submitted for review with a note naming the request, one per request (its id comes from the tracking code).
/// An answer that does not fit (an unknown category, a malformed time, an end before the start) is left out for the
/// editor to complete rather than refused: the citizen's request is already accepted.
/// </summary>
public sealed class EventProposalTarget(TenantDbContext db, ContentManager content, ContentWorkflow workflow) : IRequestContentTarget
{
    public const string Author = "e-guichet";

    public string ContentType => EventTypes.Event;

    public string Feature => EventsModule.Feature;

    public IReadOnlyList<RequestContentField> Fields { get; } =
    [
        new("title", Required: true), new("summary"), new("description"), new("startDate", Required: true), new("startTime"),
        new("endDate"), new("endTime"), new("category"), new("venueName"), new("venueStreet"), new("venueNumber"),
        new("venuePostalCode"), new("venueLocality"), new("onlineUrl"), new("free"), new("price"), new("accessible"),
        new("organiserName"), new("organiserEmail"), new("organiserPhone"),
    ];

    public async Task<RequestContentDraft> CreateDraftAsync(RequestContentOrigin origin, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var id = ContentItemId(origin.TrackingCode);
        var existing = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(i => i.ContentItemId == id && i.Latest, cancellationToken);
        if (existing is not null)
        {
            return new RequestContentDraft(id, existing.DisplayText, ContentAdminRoutes.Edit(id));
        }

        string? Value(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var title = Value("title") ?? origin.FormTitle;
        var model = new EventContent(
            title,
            Value("summary"),
            Paragraphs(Value("description")),
            Schedule(Value("startDate"), Value("startTime"), Value("endDate"), Value("endTime")),
            EventCategories.IsKnown(Value("category")) ? Value("category")! : "autre",
            Venue: Value("venueName") is null && Value("venueStreet") is null && Value("venueLocality") is null
                ? null
                : new EventVenue(Value("venueName"), Value("venueStreet"), Value("venueNumber"), null, Value("venuePostalCode"), Value("venueLocality")),
            OnlineUrl: Uri.TryCreate(Value("onlineUrl"), UriKind.Absolute, out var online) && online.Scheme is "https" or "http" ? online.ToString() : null,
            Organiser: Value("organiserName") is null && Value("organiserEmail") is null && Value("organiserPhone") is null
                ? null
                : new EventOrganiser(Value("organiserName"), Value("organiserEmail"), Value("organiserPhone")),
            Admission: Value("free") == "true" || Value("price") is not null ? new EventAdmission(Value("free") == "true", Value("price")) : null,
            Accessible: Value("accessible") == "true");
        var slug = Slugs.FromTitle(title);
        var path = EventTypes.EventPath + "/" + (slug.Length == 0 ? "proposition" : slug) + "-" + Slugs.FromTitle(origin.TrackingCode);
        await content.SaveDraftAsync(new ContentDraft(ContentType, id, title, path, ContentStore.Serialize(model)), Author, cancellationToken);
        await workflow.SubmitAsync(id, null, EventsText.Format("ProposalReviewNote", origin.TrackingCode, origin.FormTitle, origin.RequestUrl), cancellationToken);
        return new RequestContentDraft(id, title, ContentAdminRoutes.Edit(id));
    }

    public async Task<RequestContentDraft?> FindDraftAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var id = ContentItemId(trackingCode);
        var title = await db.ContentItems.AsNoTracking()
            .Where(i => i.ContentItemId == id && i.Latest && i.TrashedUtc == null)
            .Select(i => i.DisplayText)
            .FirstOrDefaultAsync(cancellationToken);
        return title is null ? null : new RequestContentDraft(id, title, ContentAdminRoutes.Edit(id));
    }

    /// <summary>The draft's id: one per request, so accepting twice finds the first.</summary>
    public static string ContentItemId(string trackingCode) => "proposition-" + Slugs.FromTitle(trackingCode);

    private static RichText Paragraphs(string? text) =>
        text is null
            ? RichText.Empty
            : RichText.FromHtml(string.Concat(text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>")));

    /// <summary>Brussels wall-clock times from the answers: a day without a time is a whole day; an end before the start is dropped.</summary>
    private static EventSchedule Schedule(string? startDate, string? startTime, string? endDate, string? endTime)
    {
        var startDay = Day(startDate) ?? DateOnly.MinValue;
        var startAt = Time(startTime);
        var endDay = Day(endDate) ?? startDay;
        var endAt = Time(endTime);
        var wholeDay = startAt is null;
        var start = startDay.ToDateTime(startAt ?? TimeOnly.MinValue, DateTimeKind.Unspecified);
        DateTime? end = wholeDay
            ? (Day(endDate) is { } last ? last.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) : null)
            : endAt is { } t ? endDay.ToDateTime(t, DateTimeKind.Unspecified) : null;
        if (end is { } e && e < start)
        {
            end = null;
        }

        return new EventSchedule(start, end, wholeDay);
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Replace('h', ':').Replace('H', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
