using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Municipal.Core;
using Municipal.Core.Sharing;
using Municipal.Core.Storage;
using Municipal.Core.Tenancy;
using Municipal.Events.Agendas;

namespace Municipal.Events.Feeds;

/// <summary>An agenda as the feeds and the API read it: its title and what it shows.</summary>
public sealed record PublishedAgenda(string Title, AgendaScope Scope);

/// <summary>
/// What the feeds and the API read beside the occurrence index: the published agendas, the published versions of the
/// tenant's own events (in one query per page or feed), shared events' content, and the stable UID of an event.
/// </summary>
public sealed class FeedSources(AgendaQuery agenda, Public.AgendaScopes scopes, TenantDbContext db, ContentStore store, TenantContext tenant, TenantUrls urls, IOptions<MunicipalOptions> options)
{
    /// <summary>A feed lists at most this many events (each with its rule, so many more occurrences).</summary>
    public const int MaxEvents = 1000;

    /// <summary>
    /// The published agenda at "agenda/&lt;slug&gt;", or for no slug the site's whole agenda, as /agenda shows it (its own
    /// events and every source its agendas subscribe to). Null for an unknown slug.
    /// </summary>
    public async Task<PublishedAgenda?> AgendaAsync(string? slug, CancellationToken cancellationToken)
    {
        if (slug is null)
        {
            return new PublishedAgenda(EventsText.Get("Agenda"), await scopes.SiteAsync(cancellationToken));
        }

        if (!Slugs.IsSlug(slug))
        {
            return null;
        }

        var item = await store.GetPublishedByPathAsync($"{EventTypes.AgendaPath}/{slug}", cancellationToken);
        return item?.ContentType == EventTypes.Agenda
            ? new PublishedAgenda(ContentStore.Read<AgendaContent>(item).Title, Public.AgendaScopes.Of(ContentStore.Read<AgendaContent>(item), slug))
            : null;
    }

    /// <summary>The calendar's name: the agenda's title and the municipality's.</summary>
    public string CalendarName(string title) => EventsText.Format("FeedCalendarName", title, tenant.Tenant.DisplayName);

    /// <summary>The events (not occurrences) having an occurrence the scope and filter select: own ones first, then shared ones.</summary>
    public async Task<IReadOnlyList<FeedEvent>> EventsAsync(AgendaScope scope, AgendaFilter filter, CancellationToken cancellationToken)
    {
        var result = new List<FeedEvent>();
        if (agenda.OwnOccurrences(scope, filter) is { } occurrences)
        {
            var ids = await occurrences
                .GroupBy(o => o.ContentItemId)
                .Select(g => new { Id = g.Key, First = g.Min(o => o.StartUtc) })
                .OrderBy(g => g.First).ThenBy(g => g.Id)
                .Take(MaxEvents)
                .Select(g => g.Id)
                .ToListAsync(cancellationToken);
            var items = await PublishedAsync(ids, cancellationToken);
            result.AddRange(ids.Where(items.ContainsKey).Select(id => Own(items[id])));
        }

        if (result.Count < MaxEvents)
        {
            var shared = await agenda.SharedItemsAsync(scope, filter, MaxEvents - result.Count, cancellationToken);
            result.AddRange(shared.Select(Shared).OfType<FeedEvent>());
        }

        return result;
    }

    /// <summary>The published versions of these own events, by id, in one query.</summary>
    public async Task<IReadOnlyDictionary<string, ContentItemRecord>> PublishedAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, ContentItemRecord>();
        }

        var items = await db.ContentItems.AsNoTracking()
            .Where(i => ids.Contains(i.ContentItemId) && i.ContentType == EventTypes.Event && i.Status == ContentStatus.Published && i.TrashedUtc == null)
            .ToListAsync(cancellationToken);
        return items.ToDictionary(i => i.ContentItemId, StringComparer.Ordinal);
    }

    /// <summary>One published own event as a feed lists it.</summary>
    public FeedEvent Own(ContentItemRecord item) =>
        new(Uid(tenant.Tenant.Name, item.ContentItemId), ContentStore.Read<EventContent>(item), Absolute(item.Path ?? string.Empty), item.PublishedUtc ?? item.ModifiedUtc, tenant.Tenant.DisplayName);

    /// <summary>Another tenant's event as this site shows it (its page here), with its source's UID; null if its content cannot be read.</summary>
    public FeedEvent? Shared(SharedItem item) =>
        ReadShared(item) is { } content
            ? new FeedEvent(Uid(item.SourceTenant, item.ContentItemId), content, Absolute(SharedEventPaths.Path(item.SourceTenant, item.Slug)), item.PublishedUtc, item.SourceDisplayName)
            : null;

    /// <summary>A shared event's content as its source published it (the catalogue's display model is the EventContent).</summary>
    public static EventContent? ReadShared(SharedItem item)
    {
        try
        {
            return JsonSerializer.Deserialize<EventContent>(item.DisplayJson, ContentStore.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An absolute address on this tenant's site for a path without its leading "/".</summary>
    public string Absolute(string path) => urls.Root(tenant.Tenant) + "/" + path.TrimStart('/');

    /// <summary>
    /// "&lt;content item id&gt;@&lt;owner tenant&gt;.&lt;platform host&gt;": the same for every version of the event (an edit
    /// updates the entry in a subscribed calendar instead of adding one) and on every site that shows it.
    /// </summary>
    public string Uid(string ownerTenant, string contentItemId) => $"{contentItemId}@{ownerTenant}.{options.Value.PublicHost}";
}
