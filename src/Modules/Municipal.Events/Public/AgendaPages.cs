using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Municipal.Core.Modules;
using Municipal.Events.Agendas;
using Municipal.Events.Storage;

namespace Municipal.Events.Public;

/// <summary>
/// The public agendas: /agenda (the site's whole agenda, see <see cref="AgendaScopes"/>) and /agenda/&lt;slug&gt; (an
/// Agenda item). Upcoming occurrences grouped by Brussels day, filtered by a GET form that needs no script, 20 a page.
/// A filter that cannot be read answers 400 with an error summary linked to its field, and no list.
/// </summary>
public sealed class AgendaPages(
    AgendaQuery query, AgendaScopes scopes, EventsDbContext events, ContentStore store, ThemePageRenderer renderer, TimeProvider clock)
{
    public const int PageSize = 20;

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/" + EventTypes.AgendaPath, (HttpContext http, AgendaPages pages) => pages.SiteAgendaAsync(http))
            .RequireFeature(EventsModule.Feature);

    public async Task<IResult> SiteAgendaAsync(HttpContext http)
    {
        var scope = await scopes.SiteAsync(http.RequestAborted);
        var title = EventsText.Get("AgendaPageTitle");
        return await RenderAsync(http, title, null, scope, "/" + EventTypes.AgendaPath, [(title, "/" + EventTypes.AgendaPath)]);
    }

    public Task<IResult> AgendaAsync(HttpContext http, ContentItemRecord item)
    {
        var content = ContentStore.Read<AgendaContent>(item);
        var path = "/" + item.Path;
        var slug = item.Path!.Split('/')[^1]; // agenda/<slug>: what events name in their list of agendas
        return RenderAsync(http, content.Title, content.Intro, AgendaScopes.Of(content, slug), path,
            [(EventsText.Get("AgendaPageTitle"), "/" + EventTypes.AgendaPath), (content.Title, path)]);
    }

    private async Task<IResult> RenderAsync(
        HttpContext http, string title, string? intro, AgendaScope scope, string path, (string, string)[] trail)
    {
        var names = AgendaParameterNames.French;
        var request = AgendaFilterQuery.Parse(http.Request.Query, names, clock.GetUtcNow());
        var url = ThemePageRenderer.Url(http, path);
        var form = await FormAsync(request, http.RequestAborted);
        var errors = request.Errors.Select((message, i) => new AgendaErrorView(message, "#" + FieldId(request.ErrorFields[i]))).ToArray();
        var breadcrumb = ThemePageRenderer.Breadcrumb(http, trail);
        var introHtml = string.IsNullOrWhiteSpace(intro) ? null : RichText.FromMarkdown(intro).Html;
        if (!request.IsValid)
        {
            var refused = new PageView(EventsText.Format("AgendaPageErrorTitle", title), null, breadcrumb);
            return await renderer.RenderViewAsync(http, refused, "AgendaPublic",
                new AgendaView(title, introHtml, url, form, errors, null, [], null, null, null, []), StatusCodes.Status400BadRequest);
        }

        var found = await query.FindAsync(scope, request.Filter, (request.Page - 1) * PageSize, PageSize, http.RequestAborted);
        var pages = Math.Max(1, (found.Total + PageSize - 1) / PageSize);
        if (request.Page > pages)
        {
            return await ContentRoutes.NotFoundAsync(http, renderer);
        }

        var days = found.Items.GroupBy(o => BrusselsTime.Date(o.StartUtc))
            .Select(d => new AgendaDayView(EventDates.Day(d.Key), d.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Select(o => Item(http, o)).ToArray()))
            .ToArray();
        var count = found.Total switch
        {
            0 => EventsText.Get("AgendaPageCountNone"),
            1 => EventsText.Get("AgendaPageCountOne"),
            _ => EventsText.Format("AgendaPageCountMany", found.Total),
        };
        var pageTitle = request.Page == 1 ? title : $"{title} – {CoreText.Format("PageOf", request.Page, pages)}";
        var view = new AgendaView(
            title, introHtml, url, form, [], count, days,
            pages > 1 ? CoreText.Format("PageOf", request.Page, pages) : null,
            request.Page > 1 ? Link(url, http.Request.Query, names.Page, request.Page - 1) : null,
            request.Page < pages ? Link(url, http.Request.Query, names.Page, request.Page + 1) : null,
            found.Total == 0 ? Widen(url, http.Request.Query, form) : []);
        return await renderer.RenderViewAsync(http, new PageView(pageTitle, EventsText.Get("AgendaPageDescription"), breadcrumb), "AgendaPublic", view);
    }

    private static AgendaItemView Item(HttpContext http, AgendaOccurrence o) => new(
        o.Title,
        ThemePageRenderer.Url(http, "/" + o.Path),
        EventDates.Hours(o.StartUtc, o.EndUtc, o.WholeDay),
        EventDates.Iso(o.StartUtc, o.WholeDay),
        EventCategories.IsKnown(o.Category) ? EventCategories.Label(o.Category) : o.Category,
        o.Locality,
        o.Status == EventStatus.Scheduled ? null : EventsText.Get("Status_" + o.Status),
        o.Shared is null ? null : EventsText.Format("EventPageSharedBy", o.SourceDisplayName));

    /// <summary>The filters' choices, with what the request chose; audiences and topics from the tenant's taxonomies.</summary>
    private async Task<AgendaFormView> FormAsync(AgendaRequest request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        var today = BrusselsTime.FromLocal(BrusselsTime.Date(clock.GetUtcNow()), TimeOnly.MinValue);
        var localities = await events.Occurrences.AsNoTracking()
            .Where(o => o.StartUtc >= today && o.Locality != null)
            .Select(o => o.Locality!).Distinct().ToListAsync(cancellationToken);
        if (filter.Locality is { } chosen && !localities.Contains(chosen, StringComparer.Ordinal))
        {
            localities.Add(chosen);
        }

        var periods = AgendaPeriods.All.Prepend("")
            .Select(p => new ChoiceView(p, EventsText.Get("AgendaPagePeriod_" + (p.Length == 0 ? "tout" : p)), string.Equals(p, request.Period ?? "", StringComparison.Ordinal)))
            .ToArray();
        return new AgendaFormView(
            periods,
            request.FromDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            request.ToDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            EventCategories.All.Select(c => new ChoiceView(c, EventCategories.Label(c), c == filter.Category)).ToArray(),
            await TermsAsync("audiences", filter.Audience, cancellationToken),
            await TermsAsync("topics", filter.Topic, cancellationToken),
            localities.Order(StringComparer.CurrentCulture).Select(l => new ChoiceView(l, l, l == filter.Locality)).ToArray(),
            filter.FreeOnly,
            filter.AccessibleOnly,
            request.ErrorFields.Select(FieldId).ToArray());
    }

    private async Task<IReadOnlyList<ChoiceView>> TermsAsync(string taxonomy, string? chosen, CancellationToken cancellationToken) =>
        (await AgendaScopes.TermsAsync(store, taxonomy, cancellationToken)).Select(t => new ChoiceView(t.Id, t.Name, t.Id == chosen)).ToArray();

    /// <summary>
    /// The id of a filter's field in the form ("agenda-du"); the period's first radio is "agenda-periode-tout"; the page
    /// number has no field (it comes from a link): its error leads to the form.
    /// </summary>
    public static string FieldId(string parameter) => parameter switch
    {
        _ when parameter == AgendaParameterNames.French.Period => "agenda-periode-tout",
        _ when parameter == AgendaParameterNames.French.Page => "agenda-filters",
        _ => "agenda-" + parameter,
    };

    /// <summary>The same address with one parameter set (or dropped when <paramref name="value"/> is null), the others kept.</summary>
    private static string Link(string url, IQueryCollection query, string name, int? value)
    {
        var kept = query.Where(q => q.Key != name && q.Key != AgendaParameterNames.French.Page && !StringValues.IsNullOrEmpty(q.Value))
            .SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? "")))
            .Where(q => q.Value.Length > 0)
            .ToList();
        if (value is { } page && page > 1)
        {
            kept.Add((name, page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return kept.Count == 0 ? url : url + "?" + string.Join('&', kept.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
    }

    /// <summary>An empty result: one link per filter in use that drops it, then all upcoming dates.</summary>
    private static List<LinkView> Widen(string url, IQueryCollection query, AgendaFormView form)
    {
        var names = AgendaParameterNames.French;
        var links = new List<LinkView>();
        void Add(string parameter, string? label)
        {
            if (label is not null && query.ContainsKey(parameter) && !StringValues.IsNullOrEmpty(query[parameter]))
            {
                links.Add(new LinkView(EventsText.Format("AgendaPageWidenWithout", label), Link(url, query, parameter, null)));
            }
        }

        Add(names.Period, form.Periods.FirstOrDefault(p => p.Selected && p.Value.Length > 0)?.Label);
        Add(names.Category, form.Categories.FirstOrDefault(c => c.Selected)?.Label);
        Add(names.Audience, form.Audiences.FirstOrDefault(c => c.Selected)?.Label);
        Add(names.Topic, form.Topics.FirstOrDefault(c => c.Selected)?.Label);
        Add(names.Locality, form.Localities.FirstOrDefault(c => c.Selected)?.Label);
        Add(names.Free, form.Free ? EventsText.Get("AgendaPageFilterFree") : null);
        Add(names.Accessible, form.Accessible ? EventsText.Get("AgendaPageFilterAccessible") : null);
        links.Add(new LinkView(EventsText.Get("AgendaPageWidenAll"), url));
        return links;
    }
}

/// <summary>Shows an Agenda item at agenda/&lt;slug&gt;.</summary>
public sealed class AgendaDisplay(AgendaPages pages) : IContentDisplay
{
    public string ContentType => EventTypes.Agenda;

    public string Feature => EventsModule.Feature;

    public Task<IResult> DisplayAsync(ContentItemRecord item, HttpContext http) => pages.AgendaAsync(http, item);
}
