using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Municipal.Admin;
using Municipal.Core.Modules;
using Municipal.Core.Security;
using Municipal.Core.Sharing;
using Municipal.Core.Tenancy;
using Municipal.Events.Agendas;
using Municipal.Events.Occurrences;

namespace Municipal.Events.Editing;

/// <summary>One event another municipality shares that this tenant's agendas select.</summary>
public sealed record SharedEventRowView(string Title, string Source, IReadOnlyList<string> NextDates, IReadOnlyList<string> Agendas, string PublicUrl);

/// <summary>"Événements partagés avec nous" (AdminSharedEvents.liquid): a page of rows, and the links to the pages around it.</summary>
public sealed record SharedEventsView(
    IReadOnlyList<ErrorLinkView> Errors,
    IReadOnlyList<SharedEventRowView> Rows,
    string Caption,
    bool HasSources,
    string? PreviousUrl,
    string? NextUrl) : IAdminPageView;

/// <summary>
/// /admin/evenements-partages: the events other tenants share that at least one of this tenant's published agendas
/// selects, with their source, next dates, the agendas that show them and where the public sees them on this site.
/// </summary>
public static class SharedEventsPage
{
    public const string Path = "/admin/evenements-partages";

    public const int PageSize = 30;

    private const int DatesShown = 3;

    public static void MapSharedEventsPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminArea("/evenements-partages")
            .RequirePermission(AdminPermissions.EditContent)
            .RequireFeature(EventsModule.Feature)
            .MapGet("/", RenderAsync);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, int? page, AdminViews views, ContentStore store, ISharedCatalog catalog, TenantContext tenant, TimeProvider clock)
    {
        var cancellationToken = http.RequestAborted;
        var number = Math.Max(1, page ?? 1);
        var agendas = (await store.ListPublishedAsync(EventTypes.Agenda, 0, 500, cancellationToken))
            .Select(a => ContentStore.Read<AgendaContent>(a))
            .ToList();
        var rules = agendas.SelectMany(a => a.Sources)
            .Where(s => s.Tenant != tenant.Tenant.Name)
            .Select(s => new SharedSourceRule(s.Tenant, s.Categories, s.Topics, s.PostalCodes))
            .Distinct(new RuleComparer())
            .ToList();
        var rows = new List<SharedEventRowView>();
        var total = 0;
        if (rules.Count > 0)
        {
            var found = await catalog.ItemsAsync(tenant.Tenant.Name, EventTypes.Event, rules, new SharedFilter(), (number - 1) * PageSize, PageSize, cancellationToken);
            total = found.Total;
            var now = clock.GetUtcNow();
            foreach (var item in found.Items)
            {
                var dates = await catalog.OccurrencesOfAsync(item.SourceTenant, item.ContentItemId, now, DatesShown, cancellationToken);
                rows.Add(new SharedEventRowView(
                    item.Title,
                    item.SourceDisplayName,
                    dates.Select(d => RecurrenceWords.Occurrence(new ExpandedOccurrence(d.StartUtc, d.EndUtc, d.WholeDay, BrusselsTime.Date(d.StartUtc), EventStatus.Scheduled), CultureInfo.CurrentUICulture)).ToList(),
                    agendas.Where(a => a.Sources.Any(s => Selects(s, item))).Select(a => a.Title).ToList(),
                    ThemePageRenderer.Url(http, "/" + SharedEventPaths.Path(item.SourceTenant, item.Slug))));
            }
        }

        var pageUrl = AdminArea.Url(http, Path);
        var view = new SharedEventsView(
            [],
            rows,
            EventsText.Format("SharedEventsCaption", total),
            rules.Count > 0,
            number > 1 ? pageUrl + "?page=" + (number - 1).ToString(CultureInfo.InvariantCulture) : null,
            number * PageSize < total ? pageUrl + "?page=" + (number + 1).ToString(CultureInfo.InvariantCulture) : null);
        return await views.RenderViewAsync(http, "AdminSharedEvents", EventsText.Get("SharedEventsTitle"), view);
    }

    /// <summary>Whether an agenda's source rule selects the item (an empty list means any), as the catalogue decides.</summary>
    public static bool Selects(AgendaSource source, SharedItem item) =>
        source.Tenant == item.SourceTenant
        && (source.Categories.Count == 0 || source.Categories.Intersect(item.Facets.Categories).Any())
        && (source.Topics.Count == 0 || source.Topics.Intersect(item.Facets.Topics).Any())
        && (source.PostalCodes.Count == 0 || (item.Facets.PostalCode is { } code && source.PostalCodes.Contains(code)));

    /// <summary>Two agendas selecting the same way ask the catalogue once.</summary>
    private sealed class RuleComparer : IEqualityComparer<SharedSourceRule>
    {
        public bool Equals(SharedSourceRule? x, SharedSourceRule? y) => x is not null && y is not null && Key(x) == Key(y);

        public int GetHashCode(SharedSourceRule obj) => Key(obj).GetHashCode(StringComparison.Ordinal);

        private static string Key(SharedSourceRule rule) =>
            string.Join('|', rule.Tenant, string.Join(',', rule.Categories), string.Join(',', rule.Topics), string.Join(',', rule.PostalCodes));
    }
}
