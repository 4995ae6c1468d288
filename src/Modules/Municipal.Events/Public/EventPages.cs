using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Municipal.Core.Modules;
using Municipal.Core.Sharing;
using Municipal.Core.Tenancy;
using Municipal.Events.Agendas;
using Municipal.Events.Storage;

namespace Municipal.Events.Public;

/// <summary>
/// The event page: the tenant's own events at evenements/&lt;slug&gt; (a content display), and the events other
/// tenants share at evenements/partages/&lt;source&gt;/&lt;slug&gt;, shown only while the source shares them and this
/// site's agendas select them. The next dates come from the index (own) or the catalogue (shared), never expanded here.
/// </summary>
public sealed class EventPages(
    EventsDbContext events, ISharedCatalog catalog, AgendaScopes scopes, ContentStore store, ThemePageRenderer renderer, TimeProvider clock, TenantContext tenantContext)
{
    /// <summary>How many next dates a recurring event's page lists.</summary>
    public const int NextDates = 10;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/" + SharedEventPaths.Prefix + "/{source}/{slug}", (string source, string slug, HttpContext http, EventPages pages) => pages.SharedAsync(http, source, slug))
            .RequireFeature(EventsModule.Feature);

    public async Task<IResult> OwnAsync(HttpContext http, ContentItemRecord item)
    {
        var content = ContentStore.Read<EventContent>(item);
        var now = clock.GetUtcNow();
        var rows = await events.Occurrences.AsNoTracking()
            .Where(o => o.ContentItemId == item.ContentItemId && (o.StartUtc >= now || (o.EndUtc != null && o.EndUtc > now)))
            .OrderBy(o => o.StartUtc).Take(NextDates)
            .ToListAsync(http.RequestAborted);
        var next = rows.Select(o => new SharedOccurrence(o.StartUtc, o.EndUtc, o.WholeDay, o.Status.ToString())).ToArray();
        var audiences = await AgendaScopes.TermsAsync(store, "audiences", http.RequestAborted);
        var topics = await AgendaScopes.TermsAsync(store, "topics", http.RequestAborted);
        var names = (IReadOnlyList<TaxonomyTerm> terms, IReadOnlyList<string>? ids) =>
            (ids ?? []).Select(id => terms.FirstOrDefault(t => t.Id == id)?.Name).OfType<string>().ToArray();
        var tenant = tenantContext.Tenant;
        return await RenderAsync(http, content, "/" + item.Path, next, new EventPageContext(
            null,
            ThemePageRenderer.Url(http, "/" + item.Path + ".ics"),
            names(audiences, content.Taxonomy?.Audiences),
            names(topics, content.Taxonomy?.Topics),
            tenant.DisplayName));
    }

    public async Task<IResult> SharedAsync(HttpContext http, string source, string slug)
    {
        var item = await catalog.FindAsync(source, EventTypes.Event, slug, http.RequestAborted);
        var tenant = tenantContext.Tenant;
        if (item is null || string.Equals(source, tenant.Name, StringComparison.Ordinal) || !await scopes.SelectsAsync(item, http.RequestAborted))
        {
            return await ContentRoutes.NotFoundAsync(http, renderer);
        }

        var content = JsonSerializer.Deserialize<EventContent>(item.DisplayJson, ContentStore.Json);
        if (content is null)
        {
            return await ContentRoutes.NotFoundAsync(http, renderer);
        }

        var next = await catalog.OccurrencesOfAsync(source, item.ContentItemId, clock.GetUtcNow(), NextDates, http.RequestAborted);
        return await RenderAsync(http, content, "/" + SharedEventPaths.Path(source, slug), next,
            new EventPageContext(EventsText.Format("EventPageSharedBy", item.SourceDisplayName), null, [], [], item.SourceDisplayName));
    }

    private Task<IResult> RenderAsync(HttpContext http, EventContent content, string path, IReadOnlyList<SharedOccurrence> next, EventPageContext context)
    {
        var (firstStart, firstEnd) = EventDates.FirstOccurrence(content.Schedule);
        var recurring = !string.IsNullOrWhiteSpace(content.Schedule.Recurrence) || content.Schedule.AddedDates is { Count: > 0 };
        var dates = next.Select(o => new EventDateView(
            EventDates.Phrase(o.StartUtc, o.EndUtc, o.WholeDay),
            EventDates.Iso(o.StartUtc, o.WholeDay),
            Status(o.Status) is { } status and not EventStatus.Scheduled ? EventsText.Get("Status_" + status) : null)).ToArray();

        // A single event says its date and its status; a recurring one its next dates, each with its status.
        var single = recurring ? null : new SingleDate(firstStart, firstEnd, content.StatusOn(BrusselsTime.Date(firstStart)));
        var notice = single is { Status: not EventStatus.Scheduled } s ? EventsText.Get("EventPageNotice_" + s.Status) : null;
        var jsonStart = next.Count > 0 ? next[0] : new SharedOccurrence(firstStart, firstEnd, content.Schedule.WholeDay, (single?.Status ?? EventStatus.Scheduled).ToString());
        var venue = content.Venue;
        var view = new EventPageView(
            notice,
            context.Source,
            content.Image?.Src,
            content.Image?.Alt,
            content.Summary,
            content.Body.Html,
            single is { } one ? EventDates.Phrase(one.Start, one.End, content.Schedule.WholeDay) : null,
            single is { } iso ? EventDates.Iso(iso.Start, content.Schedule.WholeDay) : null,
            recurring ? dates : [],
            EventCategories.IsKnown(content.Category) ? EventCategories.Label(content.Category) : content.Category,
            context.Audiences,
            context.Topics,
            venue is null ? null : new EventVenueView(venue.Name, AddressLine(venue), Locality(venue), MapUrl(venue)),
            content.OnlineUrl,
            content.Organiser is { } organiser && (organiser.Name ?? organiser.Email ?? organiser.Phone) is not null
                ? new EventOrganiserView(organiser.Name, organiser.Email, organiser.Phone) : null,
            content.Admission?.Free == true ? EventsText.Get("EventPageFree") : content.Admission?.Price,
            content.Admission?.TicketUrl,
            content.Accessible,
            context.CalendarUrl,
            EventJsonLd.Write(http, content, path, jsonStart, context.OrganiserFallback));
        var page = new PageView(content.Title, content.Seo?.MetaDescription ?? content.Summary, ThemePageRenderer.Breadcrumb(http,
            (EventsText.Get("AgendaPageTitle"), "/" + EventTypes.AgendaPath), (content.Title, path)));
        return renderer.RenderViewAsync(http, page, "EventPublic", view);
    }

    public static EventStatus? Status(string status) => Enum.TryParse<EventStatus>(status, out var value) ? value : null;

    private static string? AddressLine(EventVenue venue)
    {
        var street = string.Join(' ', new[] { venue.Street, venue.Number }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (!string.IsNullOrWhiteSpace(venue.Box) && street.Length > 0)
        {
            street = EventsText.Format("EventPageAddressBox", street, venue.Box);
        }

        return street.Length == 0 ? null : street;
    }

    private static string? Locality(EventVenue venue)
    {
        var line = string.Join(' ', new[] { venue.PostalCode, venue.Locality }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return line.Length == 0 ? null : line;
    }

    /// <summary>The OpenStreetMap page at the venue's coordinates (a link only: no tiles are loaded by the site).</summary>
    public static string? MapUrl(EventVenue venue)
    {
        if (venue.Latitude is not { } lat || venue.Longitude is not { } lon || lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            return null;
        }

        var la = lat.ToString("0.######", CultureInfo.InvariantCulture);
        var lo = lon.ToString("0.######", CultureInfo.InvariantCulture);
        return $"https://www.openstreetmap.org/?mlat={la}&mlon={lo}#map=17/{la}/{lo}";
    }
}

/// <summary>The one date of an event that does not repeat, and its status.</summary>
internal sealed record SingleDate(DateTimeOffset Start, DateTimeOffset? End, EventStatus Status);

/// <summary>What differs between an own and a shared event page: the source line, the .ics link, the terms' names.</summary>
internal sealed record EventPageContext(string? Source, string? CalendarUrl, IReadOnlyList<string> Audiences, IReadOnlyList<string> Topics, string OrganiserFallback);

/// <summary>Shows the tenant's own published events (evenements/&lt;slug&gt;).</summary>
public sealed class EventDisplay(EventPages pages) : IContentDisplay
{
    public string ContentType => EventTypes.Event;

    public string Feature => EventsModule.Feature;

    public Task<IResult> DisplayAsync(ContentItemRecord item, HttpContext http) => pages.OwnAsync(http, item);
}
