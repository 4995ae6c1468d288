using Microsoft.EntityFrameworkCore;
using Municipal.Core.Sharing;
using Municipal.Core.Tenancy;
using Municipal.Events.Storage;

namespace Municipal.Events.Agendas;

/// <summary>What an agenda shows: which own events, and which shared sources (see <see cref="AgendaContent"/>).</summary>
/// <param name="AgendaSlug">The agenda whose listed events <see cref="OwnEventsRule.Listed"/> keeps; null for /agenda.</param>
public sealed record AgendaScope(OwnEventsRule OwnEvents, string? AgendaSlug, IReadOnlyList<AgendaSource> Sources);

/// <summary>
/// The filters citizens choose (period, category, audience, topic, locality, free, accessible) as UTC bounds and slugs.
/// <paramref name="ToUtc"/> is exclusive.
/// </summary>
public sealed record AgendaFilter(
    DateTimeOffset FromUtc,
    DateTimeOffset ToUtc,
    string? Category = null,
    string? Audience = null,
    string? Topic = null,
    string? Locality = null,
    bool FreeOnly = false,
    bool AccessibleOnly = false);

/// <summary>
/// One occurrence in an agenda, own or shared. <see cref="Source"/> is the owner tenant's name,
/// <see cref="SourceDisplayName"/> its display name; <see cref="Shared"/> is non-null for another tenant's event.
/// </summary>
public sealed record AgendaOccurrence(
    string Source,
    string SourceDisplayName,
    string ContentItemId,
    string Title,
    string Path,
    DateTimeOffset StartUtc,
    DateTimeOffset? EndUtc,
    bool WholeDay,
    EventStatus Status,
    string Category,
    string? Locality,
    SharedItem? Shared);

/// <summary>A page of an agenda and how many occurrences it has in all.</summary>
public sealed record AgendaPage(IReadOnlyList<AgendaOccurrence> Items, int Total);

/// <summary>
/// Reads an agenda from the occurrence index of the tenant and from the shared catalogue, merged by start time.
/// Never expands a rule: both sides are index tables kept at publication.
/// </summary>
public sealed class AgendaQuery(EventsDbContext events, ISharedCatalog catalog, TenantContext tenant)
{
    public async Task<AgendaPage> FindAsync(AgendaScope scope, AgendaFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        // Each side is asked for the first skip + take of its own; the merge keeps the page's share of each.
        var window = skip + take;
        var own = await OwnAsync(scope, filter, window, cancellationToken);
        var shared = await SharedAsync(scope, filter, window, cancellationToken);
        var merged = own.Items.Concat(shared.Items)
            .OrderBy(o => o.StartUtc).ThenBy(o => o.Title, StringComparer.CurrentCulture).ThenBy(o => o.ContentItemId, StringComparer.Ordinal)
            .Skip(skip).Take(take).ToArray();
        return new AgendaPage(merged, own.Total + shared.Total);
    }

    private async Task<AgendaPage> OwnAsync(AgendaScope scope, AgendaFilter filter, int take, CancellationToken cancellationToken)
    {
        if (OwnOccurrences(scope, filter) is not { } query)
        {
            return new AgendaPage([], 0);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(o => o.StartUtc).ThenBy(o => o.Title).ThenBy(o => o.ContentItemId).Take(take).ToListAsync(cancellationToken);
        var name = tenant.Tenant.Name;
        var displayName = tenant.Tenant.DisplayName;
        return new AgendaPage(
            rows.Select(o => new AgendaOccurrence(name, displayName, o.ContentItemId, o.Title, o.Path, o.StartUtc, o.EndUtc, o.WholeDay, o.Status, o.Category, o.Locality, null)).ToArray(),
            total);
    }

    /// <summary>The tenant's own occurrences the scope and the filter select (unordered), or null when the scope shows none.</summary>
    public IQueryable<OccurrenceRecord>? OwnOccurrences(AgendaScope scope, AgendaFilter filter)
    {
        if (scope.OwnEvents == OwnEventsRule.None)
        {
            return null;
        }

        var query = events.Occurrences.AsNoTracking().Where(o => o.StartUtc >= filter.FromUtc && o.StartUtc < filter.ToUtc);
        if (scope.OwnEvents == OwnEventsRule.Listed && scope.AgendaSlug is { } slug)
        {
            query = query.Where(o => EF.Functions.Like(o.Agendas, SlugList.Pattern(slug)));
        }

        if (filter.Category is { } category)
        {
            query = query.Where(o => o.Category == category);
        }

        if (filter.Topic is { } topic)
        {
            query = query.Where(o => EF.Functions.Like(o.Topics, SlugList.Pattern(topic)));
        }

        if (filter.Audience is { } audience)
        {
            query = query.Where(o => EF.Functions.Like(o.Audiences, SlugList.Pattern(audience)));
        }

        if (filter.Locality is { } locality)
        {
            query = query.Where(o => o.Locality == locality);
        }

        if (filter.FreeOnly)
        {
            query = query.Where(o => o.Free);
        }

        if (filter.AccessibleOnly)
        {
            query = query.Where(o => o.Accessible);
        }

        return query;
    }

    /// <summary>
    /// The distinct shared items having an occurrence the scope and the filter select, in the order of their first
    /// occurrence, at most <paramref name="max"/> (the .ics feeds list events, not occurrences).
    /// </summary>
    public async Task<IReadOnlyList<SharedItem>> SharedItemsAsync(AgendaScope scope, AgendaFilter filter, int max, CancellationToken cancellationToken)
    {
        const int Batch = 500;
        const int MaxBatches = 20;
        var items = new List<SharedItem>();
        var seen = new HashSet<(string, string)>();
        for (var batch = 0; batch < MaxBatches && items.Count < max; batch++)
        {
            var page = await SharedPageAsync(scope, filter, batch * Batch, Batch, cancellationToken);
            foreach (var hit in page?.Items ?? [])
            {
                if (items.Count < max && seen.Add((hit.Item.SourceTenant, hit.Item.ContentItemId)))
                {
                    items.Add(hit.Item);
                }
            }

            if (page is null || (batch + 1) * Batch >= page.Total)
            {
                break;
            }
        }

        return items;
    }

    private async Task<AgendaPage> SharedAsync(AgendaScope scope, AgendaFilter filter, int take, CancellationToken cancellationToken)
    {
        if (await SharedPageAsync(scope, filter, 0, take, cancellationToken) is not { } page)
        {
            return new AgendaPage([], 0);
        }

        return new AgendaPage(
            page.Items.Select(hit => new AgendaOccurrence(
                hit.Item.SourceTenant, hit.Item.SourceDisplayName, hit.Item.ContentItemId, hit.Item.Title,
                SharedEventPaths.Path(hit.Item.SourceTenant, hit.Item.Slug),
                hit.Occurrence.StartUtc, hit.Occurrence.EndUtc, hit.Occurrence.WholeDay,
                Enum.TryParse<EventStatus>(hit.Occurrence.Status, out var status) ? status : EventStatus.Scheduled,
                hit.Item.Facets.Categories.Count > 0 ? hit.Item.Facets.Categories[0] : "autre", hit.Item.Facets.Locality, hit.Item)).ToArray(),
            page.Total);
    }

    /// <summary>One page of the shared occurrences the scope's sources and the filter select; null when the scope names no other tenant.</summary>
    private async Task<SharedPage<SharedOccurrenceHit>?> SharedPageAsync(AgendaScope scope, AgendaFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var rules = scope.Sources
            .Where(s => !string.Equals(s.Tenant, tenant.Tenant.Name, StringComparison.Ordinal))
            .Select(s => new SharedSourceRule(s.Tenant, s.Categories, s.Topics, s.PostalCodes))
            .ToArray();
        if (rules.Length == 0)
        {
            return null;
        }

        var flags = new List<string>();
        if (filter.FreeOnly)
        {
            flags.Add(SharedEventFlags.Free);
        }

        if (filter.AccessibleOnly)
        {
            flags.Add(SharedEventFlags.Accessible);
        }

        return await catalog.OccurrencesAsync(
            tenant.Tenant.Name, EventTypes.Event, rules,
            new SharedFilter(filter.Category, filter.Topic, filter.Audience, filter.Locality, flags),
            filter.FromUtc, filter.ToUtc, skip, take, cancellationToken);
    }
}

/// <summary>The flags a shared event carries in the catalogue.</summary>
public static class SharedEventFlags
{
    public const string Free = "free";

    public const string Accessible = "accessible";
}

/// <summary>Where a subscriber shows another tenant's event: /evenements/partages/&lt;source&gt;/&lt;slug&gt;.</summary>
public static class SharedEventPaths
{
    public const string Prefix = EventTypes.EventPath + "/partages";

    public static string Path(string sourceTenant, string slug) => $"{Prefix}/{sourceTenant}/{slug}";
}
