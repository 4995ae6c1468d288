using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Municipal.Core.Modules;
using Municipal.Events.Agendas;
using Municipal.Events.Feeds;

namespace Municipal.Events.Api;

/// <summary>Where an occurrence takes place (the event's venue).</summary>
public sealed record ApiVenue(string? Name, string? Street, string? Number, string? Box, string? PostalCode, string? Locality, double? Lat, double? Lon);

/// <summary>
/// One occurrence: the event's id, its times in Brussels time with their offset, its status ("scheduled", "cancelled",
/// "postponed", "full"), its page on this site, its owner tenant's name and its category's slug.
/// </summary>
public sealed record ApiOccurrence(
    string Id, string Title, DateTimeOffset Start, DateTimeOffset? End, bool WholeDay, string Status, string Url, string Source, string Category, ApiVenue? Venue);

/// <summary>A page of occurrences and how many there are in all.</summary>
public sealed record ApiOccurrencePage(IReadOnlyList<ApiOccurrence> Items, int Total, int Page);

/// <summary>
/// GET /api/events?from=&amp;to=&amp;agenda=&amp;category=&amp;page=: an agenda's occurrences as JSON, 50 a page, read from
/// the same index as the pages. A parameter that cannot be read answers 400 with a problem in French, never 500.
/// </summary>
public static class EventsApiEndpoints
{
    public const int PageSize = 50;

    public const string AgendaParameter = "agenda";

    public static void MapEventsApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api").RequireFeature(EventsModule.Feature).MapGet("/events", ListAsync);

    private static async Task<Results<Ok<ApiOccurrencePage>, ValidationProblem>> ListAsync(HttpContext http, AgendaQuery agendas, FeedSources sources, TimeProvider clock)
    {
        var request = AgendaFilterQuery.Parse(http.Request.Query, AgendaParameterNames.English, clock.GetUtcNow());
        var errors = request.Errors.ToList();
        var slug = http.Request.Query.TryGetValue(AgendaParameter, out var value) && !string.IsNullOrWhiteSpace(value[^1]) ? value[^1]!.Trim() : null;
        var agenda = await sources.AgendaAsync(slug, http.RequestAborted);
        if (agenda is null)
        {
            errors.Add(EventsText.Format("FilterErrorAgenda", slug));
        }

        if (errors.Count > 0 || agenda is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["query"] = errors.ToArray() },
                title: EventsText.Get("ApiInvalidTitle"),
                detail: EventsText.Get("ApiInvalidDetail"));
        }

        var page = await agendas.FindAsync(agenda.Scope, request.Filter, (request.Page - 1) * PageSize, PageSize, http.RequestAborted);
        var ownIds = page.Items.Where(o => o.Shared is null).Select(o => o.ContentItemId).Distinct(StringComparer.Ordinal).ToArray();
        var own = await sources.PublishedAsync(ownIds, http.RequestAborted);
        var items = page.Items.Select(o => new ApiOccurrence(
            o.ContentItemId,
            o.Title,
            BrusselsTime.ToLocal(o.StartUtc),
            o.EndUtc is { } end ? BrusselsTime.ToLocal(end) : null,
            o.WholeDay,
            o.Status.ToString().ToLowerInvariant(),
            sources.Absolute(o.Path),
            o.Source,
            o.Category,
            Venue(o.Shared is { } shared ? FeedSources.ReadShared(shared) : own.TryGetValue(o.ContentItemId, out var item) ? ContentStore.Read<EventContent>(item) : null))).ToArray();
        return TypedResults.Ok(new ApiOccurrencePage(items, page.Total, request.Page));
    }

    private static ApiVenue? Venue(EventContent? content) => content?.Venue is { } v
        ? new ApiVenue(v.Name, v.Street, v.Number, v.Box, v.PostalCode, v.Locality, v.Latitude, v.Longitude)
        : null;
}
