namespace Municipal.Events.Public;

/// <summary>
/// The menu editor's choices of this module: the site's agenda (/agenda) and each published agenda. The agenda goes in
/// the menus the editors choose, not in every page's header: the header's links are the online services.
/// </summary>
public sealed class AgendaLinkTargets(ContentStore store) : IMenuLinkSource
{
    private const int MaxAgendas = 200;

    public string Feature => EventsModule.Feature;

    public async Task<IReadOnlyList<MenuLinkTarget>> TargetsAsync(CancellationToken cancellationToken)
    {
        var agendas = await store.ListPublishedAsync(EventTypes.Agenda, 0, MaxAgendas, cancellationToken);
        return agendas.Where(a => a.Path is not null)
            .Select(a => new MenuLinkTarget("/" + a.Path, a.DisplayText))
            .OrderBy(t => t.Label, StringComparer.CurrentCulture)
            .Prepend(new MenuLinkTarget("/" + EventTypes.AgendaPath, EventsText.Get("AgendaPageTitle")))
            .ToList();
    }
}
