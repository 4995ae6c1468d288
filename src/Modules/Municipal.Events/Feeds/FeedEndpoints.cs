using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Municipal.Core.Modules;
using Municipal.Core.Sharing;
using Municipal.Core.Tenancy;
using Municipal.Events.Agendas;

namespace Municipal.Events.Feeds;

/// <summary>
/// The iCalendar feeds: /agenda.ics and /agenda/&lt;slug&gt;.ics (the agenda's events, filtered by the same French
/// query parameters as its page), and one event's .ics ("Ajouter à mon agenda"), own or shared. Cached like the pages
/// by the public output cache (a publication evicts them).
/// </summary>
public static class FeedEndpoints
{
    public const string Extension = ".ics";

    public static void MapEventFeeds(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("/").RequireFeature(EventsModule.Feature);
        feeds.MapGet($"/{EventTypes.AgendaPath}{Extension}", (HttpContext http, FeedSources sources, TimeProvider clock) => AgendaFeedAsync(null, http, sources, clock));
        feeds.MapGet($"/{EventTypes.AgendaPath}/{{slug}}{Extension}", (string slug, HttpContext http, FeedSources sources, TimeProvider clock) => AgendaFeedAsync(slug, http, sources, clock));
        feeds.MapGet($"/{EventTypes.EventPath}/{{slug}}{Extension}", EventAsync);
        feeds.MapGet($"/{SharedEventPaths.Prefix}/{{source}}/{{slug}}{Extension}", SharedEventAsync);
    }

    private static async Task<IResult> AgendaFeedAsync(string? slug, HttpContext http, FeedSources sources, TimeProvider clock)
    {
        var agenda = await sources.AgendaAsync(slug, http.RequestAborted);
        if (agenda is null)
        {
            return Results.NotFound();
        }

        var now = clock.GetUtcNow();
        var request = AgendaFilterQuery.Parse(http.Request.Query, AgendaParameterNames.French, now);
        if (!request.IsValid)
        {
            return Results.Text(EventsText.Format("FeedErrorIntro", string.Join(" ", request.Errors)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var events = await sources.EventsAsync(agenda.Scope, request.Filter, http.RequestAborted);
        return Results.Text(CalendarWriter.Write(new FeedCalendar(sources.CalendarName(agenda.Title), events), now), CalendarWriter.ContentType);
    }

    private static async Task<IResult> EventAsync(string slug, HttpContext http, FeedSources sources, ContentStore store, TimeProvider clock)
    {
        var item = Slugs.IsSlug(slug) ? await store.GetPublishedByPathAsync($"{EventTypes.EventPath}/{slug}", http.RequestAborted) : null;
        return item?.ContentType == EventTypes.Event ? Attachment(http, slug, sources.Own(item), clock) : Results.NotFound();
    }

    /// <summary>A shared event's file, only where this site's agendas show it (as its page).</summary>
    private static async Task<IResult> SharedEventAsync(string source, string slug, HttpContext http, FeedSources sources, ISharedCatalog catalog, Public.AgendaScopes scopes, TenantContext tenant, TimeProvider clock)
    {
        var item = Slugs.IsSlug(source) && Slugs.IsSlug(slug) && source != tenant.Tenant.Name ? await catalog.FindAsync(source, EventTypes.Event, slug, http.RequestAborted) : null;
        return item is not null && await scopes.SelectsAsync(item, http.RequestAborted) && sources.Shared(item) is { } shared ? Attachment(http, slug, shared, clock) : Results.NotFound();
    }

    /// <summary>One event as a file to open in a calendar application: "attachment", named after its slug.</summary>
    private static IResult Attachment(HttpContext http, string slug, FeedEvent item, TimeProvider clock)
    {
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = slug + Extension }.ToString();
        return Results.Text(CalendarWriter.Write(new FeedCalendar(item.Content.Title, [item]), clock.GetUtcNow()), CalendarWriter.ContentType);
    }
}
