using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Events.Agendas;

namespace Municipal.Events.Public;

/// <summary>The home page's "Agenda" block: the next dates of the site's agenda (/agenda) and the link to all of it.</summary>
public sealed class NextEventsList(TimeProvider clock) : IHomeListSource
{
    public string Kind => "nextEvents";

    public string Feature => EventsModule.Feature;

    public string CssClass => "next-events";

    public string Heading(string blockNumber) => EventsText.Format("EventsHomeListHeading", blockNumber);

    public string CountLabel(string blockNumber) => EventsText.Format("EventsHomeListCount", blockNumber);

    public async Task<HomeList> ListAsync(HttpContext http, int count, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var scope = await services.GetRequiredService<AgendaScopes>().SiteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var filter = new AgendaFilter(now, now + EventTypes.Horizon);
        var page = await services.GetRequiredService<AgendaQuery>().FindAsync(scope, filter, 0, count, cancellationToken);
        var items = page.Items
            .Select(o => new HomeListItemView(
                o.Title,
                ThemePageRenderer.Url(http, "/" + o.Path),
                EventDates.Phrase(o.StartUtc, o.EndUtc, o.WholeDay),
                EventDates.Iso(o.StartUtc, o.WholeDay)))
            .ToList();
        return new HomeList(items, new LinkView(EventsText.Get("AgendaPageAll"), ThemePageRenderer.Url(http, "/" + EventTypes.AgendaPath)));
    }
}
