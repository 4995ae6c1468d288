using Municipal.Core.Sharing;
using Municipal.Events.Agendas;

namespace Municipal.Events.Public;

/// <summary>
/// What each public agenda shows. /agenda is the tenant's whole agenda: all its own published events, plus what the
/// sources of every one of its published agendas select (so a citizen finds there everything the site relays).
/// /agenda/&lt;slug&gt; follows its Agenda item. A shared event is shown only if one of those rules selects it.
/// </summary>
public sealed class AgendaScopes(ContentStore store)
{
    /// <summary>More agendas than this on one site would be a mistake; the rest are not read.</summary>
    private const int MaxAgendas = 200;

    public async Task<AgendaScope> SiteAsync(CancellationToken cancellationToken)
    {
        var agendas = await store.ListPublishedAsync(EventTypes.Agenda, 0, MaxAgendas, cancellationToken);
        var sources = agendas.SelectMany(a => ContentStore.Read<AgendaContent>(a).Sources)
            .GroupBy(s => s.Tenant, StringComparer.Ordinal)
            .SelectMany(Merge)
            .ToArray();
        return new AgendaScope(OwnEventsRule.All, null, sources);
    }

    public static AgendaScope Of(AgendaContent agenda, string slug) =>
        new(agenda.OwnEvents, slug, agenda.Sources);

    /// <summary>Whether the site's agendas select this shared event (its source, and the rule's categories, topics, postal codes).</summary>
    public async Task<bool> SelectsAsync(SharedItem item, CancellationToken cancellationToken)
    {
        var scope = await SiteAsync(cancellationToken);
        return scope.Sources.Any(s => string.Equals(s.Tenant, item.SourceTenant, StringComparison.Ordinal)
            && Matches(s.Categories, item.Facets.Categories)
            && Matches(s.Topics, item.Facets.Topics)
            && (s.PostalCodes.Count == 0 || (item.Facets.PostalCode is { } code && s.PostalCodes.Contains(code, StringComparer.Ordinal))));
    }

    /// <summary>The published terms of one of the tenant's taxonomies ("topics", "audiences"); none without it.</summary>
    public static async Task<IReadOnlyList<TaxonomyTerm>> TermsAsync(ContentStore store, string taxonomy, CancellationToken cancellationToken) =>
        await store.GetPublishedAsync("taxonomy:" + taxonomy, cancellationToken) is { TrashedUtc: null } item
            ? ContentStore.Read<TaxonomyContent>(item).Terms
            : [];

    private static bool Matches(IReadOnlyList<string> wanted, IReadOnlyList<string> present) =>
        wanted.Count == 0 || wanted.Intersect(present, StringComparer.Ordinal).Any();

    /// <summary>One source named by several agendas: a rule without narrowing covers the others; else each rule is kept (once).</summary>
    private static IEnumerable<AgendaSource> Merge(IGrouping<string, AgendaSource> rules)
    {
        var all = rules.FirstOrDefault(r => r.Categories.Count == 0 && r.Topics.Count == 0 && r.PostalCodes.Count == 0);
        return all is not null
            ? [all]
            : rules.DistinctBy(r => string.Join('|', r.Categories) + "#" + string.Join('|', r.Topics) + "#" + string.Join('|', r.PostalCodes));
    }
}
